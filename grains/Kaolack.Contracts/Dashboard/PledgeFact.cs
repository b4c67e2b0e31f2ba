using Kaolack.Contracts.Common;
using Kaolack.Contracts.Diaspora;

namespace Kaolack.Contracts.Dashboard;

/// <summary>A diaspora group's pledge to one project, as dashboards count it (no description).</summary>
[GenerateSerializer, Immutable]
public sealed record PledgeFact(
    [property: Id(0)] string GroupSlug,
    [property: Id(1)] string ProjectSlug,
    [property: Id(2)] PledgeKind Kind,
    [property: Id(3)] Money? Value,
    [property: Id(4)] bool Received);
