using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Dashboard;

[GenerateSerializer, Immutable]
public sealed record SummaryPartner(
    [property: Id(0)] EntityKind Kind,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Name,
    [property: Id(3)] Region Region);
