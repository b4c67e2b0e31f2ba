namespace Kaolack.Contracts.Common;

/// <summary>What every entity carries besides its own fields: identity, version and timestamps.</summary>
[GenerateSerializer, Immutable]
public sealed record EntityMeta(
    [property: Id(0)] string Slug,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);
