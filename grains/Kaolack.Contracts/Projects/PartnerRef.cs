using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Projects;

/// <summary>Names a cooperative or diaspora group to add to a project.</summary>
[GenerateSerializer, Immutable]
public sealed record PartnerRef(
    [property: Id(0)] EntityKind Kind,
    [property: Id(1)] string Slug);
