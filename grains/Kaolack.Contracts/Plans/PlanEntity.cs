using System.Collections.Immutable;
namespace Kaolack.Contracts.Plans;

/// <summary>
/// A section, milestone or task. Scalar fields are strings (dates as yyyy-MM-dd); text fields
/// (a section's "body", a task's "notes") are edited by operational transformation.
/// </summary>
/// <param name="Order">Fractional index key: entities of a kind sort by it (then by id).</param>
[GenerateSerializer, Immutable]
public sealed record PlanEntity(
    [property: Id(0)] PlanEntityKind Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string Order,
    [property: Id(3)] ImmutableDictionary<string, string> Fields);
