using System.Collections.Immutable;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;

namespace Kaolack.Grains.Plans;

/// <summary>
/// The ops that turn one plan into another, as an editor would make them: deletes, then adds, then per entity a
/// move, scalar sets and text edits (the changed middle of the text replaced, through a text op). Ids are never
/// reused, so an entity of the target that was deleted meanwhile comes back under a new id, and tasks follow
/// their milestone to it.
/// </summary>
public static class PlanDiff
{
    /// <param name="newIdSuffix">Appended to the id of an entity that must come back under a new one (letters, digits, - or _).</param>
    public static List<PlanOp> Ops(PlanModel current, PlanModel target, string newIdSuffix)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        var wanted = Reissued(current, target, newIdSuffix);
        var ops = new List<PlanOp>();
        foreach (var gone in Sorted(current.Entities.Values.Where(e => !wanted.ContainsKey(PlanModel.Key(e.Kind, e.Id)))))
        {
            ops.Add(new PlanOp { Type = PlanOpType.Delete, Kind = gone.Kind, Id = gone.Id });
        }
        foreach (var added in Sorted(wanted.Values.Where(e => current.Find(e.Kind, e.Id) is null)))
        {
            ops.Add(new PlanOp { Type = PlanOpType.Add, Kind = added.Kind, Id = added.Id, Order = added.Order, Fields = added.Fields });
        }
        foreach (var goal in Sorted(wanted.Values))
        {
            if (current.Find(goal.Kind, goal.Id) is not { } now)
            {
                continue;
            }
            if (now.Order != goal.Order)
            {
                ops.Add(new PlanOp { Type = PlanOpType.Move, Kind = goal.Kind, Id = goal.Id, Order = goal.Order });
            }
            foreach (var field in PlanFields.Scalars(goal.Kind).Order(StringComparer.Ordinal))
            {
                var before = now.Fields.GetValueOrDefault(field, "");
                var after = goal.Fields.GetValueOrDefault(field, "");
                if (before != after)
                {
                    ops.Add(new PlanOp { Type = PlanOpType.Set, Kind = goal.Kind, Id = goal.Id, Field = field, Value = after.Length == 0 ? null : after });
                }
            }
            foreach (var field in PlanFields.Texts(goal.Kind).Order(StringComparer.Ordinal))
            {
                var before = now.Fields.GetValueOrDefault(field, "");
                var after = goal.Fields.GetValueOrDefault(field, "");
                if (before != after)
                {
                    ops.Add(new PlanOp { Type = PlanOpType.Text, Kind = goal.Kind, Id = goal.Id, Field = field, Text = TextDiff.Between(before, after) });
                }
            }
        }
        return ops;
    }

    /// <summary>The target's entities by key, those deleted in <paramref name="current"/> under fresh ids, task milestones following.</summary>
    private static Dictionary<string, PlanEntity> Reissued(PlanModel current, PlanModel target, string suffix)
    {
        var taken = new HashSet<string>(current.Entities.Keys.Concat(current.Deleted).Concat(target.Entities.Keys), StringComparer.Ordinal);
        var milestones = new Dictionary<string, string>(StringComparer.Ordinal);
        var entities = new List<PlanEntity>();
        foreach (var entity in Sorted(target.Entities.Values))
        {
            var kept = entity;
            if (current.Deleted.Contains(PlanModel.Key(entity.Kind, entity.Id)))
            {
                kept = entity with { Id = Fresh(entity.Kind, entity.Id, suffix, taken) };
                if (entity.Kind == PlanEntityKind.Milestone)
                {
                    milestones[entity.Id] = kept.Id;
                }
            }
            entities.Add(kept);
        }
        return entities
            .Select(e => e.Kind == PlanEntityKind.Task && e.Fields.TryGetValue(PlanFields.MilestoneId, out var milestone) && milestones.TryGetValue(milestone, out var moved)
                ? e with { Fields = e.Fields.SetItem(PlanFields.MilestoneId, moved) }
                : e)
            .ToDictionary(e => PlanModel.Key(e.Kind, e.Id), StringComparer.Ordinal);
    }

    private static string Fresh(PlanEntityKind kind, string id, string suffix, HashSet<string> taken)
    {
        for (var attempt = 0; attempt <= taken.Count; attempt++)
        {
            var tail = attempt == 0 ? $"-{suffix}" : $"-{suffix}-{attempt}";
            var candidate = id[..Math.Min(id.Length, PlanRules.MaxIdLength - tail.Length)] + tail;
            if (taken.Add(PlanModel.Key(kind, candidate)))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"No free id for {id}.");
    }

    private static IEnumerable<PlanEntity> Sorted(IEnumerable<PlanEntity> entities) =>
        entities.OrderBy(e => e.Kind).ThenBy(e => e.Id, StringComparer.Ordinal);
}
