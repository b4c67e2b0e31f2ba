using System.Collections.Immutable;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;

namespace Kaolack.Grains.Plans;

/// <summary>
/// Who changed each entity, when: the last <see cref="PerEntity"/> entries per entity id, kept in the snapshot and
/// rebuilt from the log tail on activation. Consecutive text edits of one field by one author within
/// <see cref="TextMergeWindow"/> are one entry, so typing does not push everything else out.
/// </summary>
[GenerateSerializer, Immutable, Alias("kaolack.plan-history.v1")]
public sealed record PlanHistory([property: Id(0)] ImmutableDictionary<string, ImmutableList<PlanHistoryEntry>> ByEntity)
{
    public const int PerEntity = 100;

    public const int MaxPageSize = 200;

    public static readonly TimeSpan TextMergeWindow = TimeSpan.FromMinutes(1);

    public static PlanHistory Empty { get; } = new(ImmutableDictionary<string, ImmutableList<PlanHistoryEntry>>.Empty.WithComparers(StringComparer.Ordinal));

    public PlanHistory With(IEnumerable<PlanLogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = ByEntity.ToBuilder();
        foreach (var record in records)
        {
            var op = record.Change.Op;
            var entry = new PlanHistoryEntry(record.Version, op.Kind, op.Id, op.Type,
                op.Type is PlanOpType.Set or PlanOpType.Text ? op.Field : null,
                op.Type == PlanOpType.Set ? op.Value : null,
                record.Change.UserId, record.DisplayName, record.Change.At);
            var entries = builder.GetValueOrDefault(op.Id, []);
            if (entries.Count > 0 && MergesInto(entries[^1], entry))
            {
                entries = entries.SetItem(entries.Count - 1, entry);
            }
            else
            {
                entries = entries.Add(entry);
                if (entries.Count > PerEntity)
                {
                    entries = entries.RemoveRange(0, entries.Count - PerEntity);
                }
            }
            builder[op.Id] = entries;
        }
        return new PlanHistory(builder.ToImmutable());
    }

    /// <summary>Refuses the arguments of a page that <see cref="Page"/> cannot answer: an entity id that is none, a limit or a version out of range.</summary>
    public static void ValidatePage(string entityId, long? before, int limit)
    {
        var v = new Validation();
        if (!PlanRules.IsId(entityId))
        {
            v.Add("entity", $"Identifiant d'élément attendu : {PlanRules.MaxIdLength} caractères au plus, lettres, chiffres, - et _.");
        }
        v.Range("limit", limit, 1, MaxPageSize);
        if (before is { } b)
        {
            v.Range("before", b, 1, long.MaxValue);
        }
        v.ThrowIfInvalid();
    }

    /// <summary>The entity's entries older than <paramref name="before"/> (all when null), newest first, at most <paramref name="limit"/>.</summary>
    public PlanHistoryPage Page(string entityId, long? before, int limit)
    {
        var older = ByEntity.GetValueOrDefault(entityId, [])
            .Where(e => before is not { } b || e.Version < b)
            .Reverse()
            .Take(limit + 1)
            .ToList();
        var page = older.Take(limit).ToArray();
        return new PlanHistoryPage(page, older.Count > limit ? page[^1].Version : null);
    }

    private static bool MergesInto(PlanHistoryEntry previous, PlanHistoryEntry next) =>
        previous.Change == PlanOpType.Text && next.Change == PlanOpType.Text
        && previous.Kind == next.Kind && previous.Field == next.Field && previous.UserId == next.UserId
        && next.At - previous.At <= TextMergeWindow;
}
