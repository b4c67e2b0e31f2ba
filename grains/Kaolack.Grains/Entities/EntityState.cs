namespace Kaolack.Grains.Entities;

/// <summary>
/// The persisted state of an entity grain. A deleted entity keeps its version as a tombstone
/// (Value is null), so a slug reused later continues the version sequence and no client mistakes
/// the new entity's events for ones it has already seen.
/// </summary>
[GenerateSerializer]
public sealed class EntityState<TValue> where TValue : class
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(3)] public TValue? Value { get; set; }
}
