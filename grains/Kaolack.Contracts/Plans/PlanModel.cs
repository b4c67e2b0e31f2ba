using System.Collections.Immutable;

namespace Kaolack.Contracts.Plans;

/// <summary>
/// A plan's entities, plus the ids that were deleted (so late edits to them are dropped, and ids are never reused).
/// The server's document and each client's copy: <see cref="PlanRules.Apply"/> changes it the same way on both.
/// A model made from a <see cref="PlanDocument"/> knows no deleted ids; ops on them are then dropped as missing.
/// </summary>
[GenerateSerializer, Immutable, Alias("kaolack.plan-model.v1")]
public sealed record PlanModel(
    [property: Id(0)] ImmutableDictionary<string, PlanEntity> Entities,
    [property: Id(1)] ImmutableHashSet<string> Deleted)
{
    public static PlanModel Empty { get; } = new(ImmutableDictionary<string, PlanEntity>.Empty, []);

    /// <summary>The key of an entity: "{kind}/{id}" (the same id in two kinds is two entities).</summary>
    public static string Key(PlanEntityKind kind, string id) => $"{kind}/{id}";

    public static string Key(PlanOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return Key(op.Kind, op.Id);
    }

    public static PlanModel From(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entities = document.Sections.Concat(document.Milestones).Concat(document.Tasks);
        return Empty with { Entities = entities.ToImmutableDictionary(e => Key(e.Kind, e.Id)) };
    }

    public PlanEntity? Find(PlanEntityKind kind, string id) => Entities.GetValueOrDefault(Key(kind, id));

    public bool Contains(string key) => Entities.ContainsKey(key);

    public int Count(PlanEntityKind kind) => Entities.Values.Count(e => e.Kind == kind);

    /// <summary>A text field's content ("" when unset or when the entity is missing).</summary>
    public string Text(PlanEntityKind kind, string id, string field) => Find(kind, id)?.Fields.GetValueOrDefault(field, "") ?? "";

    public PlanDocument ToDocument() => new([.. Ordered(PlanEntityKind.Section)], [.. Ordered(PlanEntityKind.Milestone)], [.. Ordered(PlanEntityKind.Task)]);

    /// <summary>The entities of a kind in document order: order key, then id, both ordinal.</summary>
    public IReadOnlyList<PlanEntity> Ordered(PlanEntityKind kind) =>
        [.. Entities.Values.Where(e => e.Kind == kind).OrderBy(e => e.Order, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)];
}
