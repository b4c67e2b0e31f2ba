using System.Collections.Immutable;
using Kaolack.Contracts.Plans;

namespace Kaolack.Grains.Plans;

/// <summary>A plan's entities, plus the ids that were deleted (so late edits to them are dropped, and ids are never reused).</summary>
[GenerateSerializer, Immutable, Alias("kaolack.plan-model.v1")]
public sealed record PlanModel(
    [property: Id(0)] ImmutableDictionary<string, PlanEntity> Entities,
    [property: Id(1)] ImmutableHashSet<string> Deleted)
{
    public static PlanModel Empty { get; } = new(ImmutableDictionary<string, PlanEntity>.Empty, []);

    public static string Key(PlanEntityKind kind, string id) => $"{kind}/{id}";

    public PlanEntity? Find(PlanEntityKind kind, string id) => Entities.GetValueOrDefault(Key(kind, id));

    public int Count(PlanEntityKind kind) => Entities.Values.Count(e => e.Kind == kind);

    public PlanDocument ToDocument() => new(Ordered(PlanEntityKind.Section), Ordered(PlanEntityKind.Milestone), Ordered(PlanEntityKind.Task));

    private PlanEntity[] Ordered(PlanEntityKind kind) =>
        [.. Entities.Values.Where(e => e.Kind == kind).OrderBy(e => e.Order, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)];
}
