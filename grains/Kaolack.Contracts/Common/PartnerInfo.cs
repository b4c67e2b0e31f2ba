namespace Kaolack.Contracts.Common;

/// <summary>What a project needs to know about a partner organisation.</summary>
[GenerateSerializer, Immutable]
public sealed record PartnerInfo(
    [property: Id(0)] EntityKind Kind,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Name,
    [property: Id(3)] Region Region);
