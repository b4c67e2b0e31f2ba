using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;

namespace Kaolack.Client.Tests;

/// <summary>
/// Random but valid edits of one client: text inserts (each with a unique marker, mixed with Arabic, accents
/// and emoji) and deletes in section bodies and task notes, adds, deletes and moves of entities, scalar sets.
/// Inserts never land inside a marker and deletes never touch one the client can see, so a marker can only
/// disappear with its entity: the property the convergence tests check.
/// </summary>
public sealed partial class RandomEditor(int client, Random random)
{
    private static readonly string[] Fillers =
    [
        "سلام", "مرحبا بكم", "👍🏽", "🇸🇳", "é", "ŋ", "x", " ", "Kaolack ⇄ Oujda", "😀", "نعم", "ñ", "日本", "\u200d",
    ];

    private static readonly string[] Words = ["arachide", "huile", "وجدة", "كولخ", "coopérative", "🥜", "marché", "formation"];

    private int count;

    /// <summary>Entities this client added: their ids are drawn from it, so a seeded run gives the same ids every time.</summary>
    private int added;

    /// <summary>Every marker this client inserted, and where.</summary>
    public Dictionary<string, (PlanEntityKind Kind, string Id, string Field)> Markers { get; } = new(StringComparer.Ordinal);

    [GeneratedRegex(@"\[\[c\d+-\d+\]\]")]
    public static partial Regex Marker();

    /// <summary>A random edit of the document, or null when the one drawn does not fit it.</summary>
    public PlanOp? Next(PlanModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var roll = random.Next(100);
        return roll switch
        {
            < 40 => Insert(document),
            < 55 => RemoveText(document),
            < 72 => Set(document),
            < 82 => Add(document),
            < 92 => Move(document),
            _ => Delete(document),
        };
    }

    /// <summary>Adds of a few entities to start from.</summary>
    public static IEnumerable<PlanOp> Seed()
    {
        string? order = null;
        foreach (var (kind, count) in new[] { (PlanEntityKind.Section, 3), (PlanEntityKind.Milestone, 2), (PlanEntityKind.Task, 4) })
        {
            order = null;
            for (var i = 0; i < count; i++)
            {
                order = FractionalIndex.Between(order, null);
                var fields = kind switch
                {
                    PlanEntityKind.Section => new Dictionary<string, string> { [PlanFields.Heading] = $"Section {i}", [PlanFields.Body] = "Début ⇄ بداية " },
                    PlanEntityKind.Milestone => new Dictionary<string, string> { [PlanFields.Title] = $"Jalon {i}", [PlanFields.Status] = "planned" },
                    _ => new Dictionary<string, string> { [PlanFields.Title] = $"Tâche {i}", [PlanFields.Status] = "todo", [PlanFields.Notes] = "" },
                };
                yield return PlanOps.Add(kind, $"seed-{kind}-{i}".ToLowerInvariant(), order, fields);
            }
        }
    }

    /// <summary>The markers in the inserts of an op.</summary>
    public static IEnumerable<string> MarkersIn(PlanOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var texts = op.Type switch
        {
            PlanOpType.Text => op.Text!.Components.Where(c => c.IsInsert).Select(c => c.Text!),
            PlanOpType.Add => (op.Fields ?? ImmutableDictionary<string, string>.Empty).Values,
            _ => [],
        };
        return texts.SelectMany(t => Marker().Matches(t).Select(m => m.Value));
    }

    private PlanOp? Insert(PlanModel document)
    {
        if (TextField(document) is not { } at)
        {
            return null;
        }
        var text = document.Text(at.Kind, at.Id, at.Field);
        var spans = Spans(text);
        var position = random.Next(CodePoints.Count(text) + 1);
        foreach (var (start, end) in spans)
        {
            if (start < position && position < end)
            {
                position = end;
            }
        }
        var marker = $"[[c{client}-{++count}]]";
        Markers[marker] = at;
        var inserted = Filler() + marker + Filler();
        return PlanOps.Insert(at.Kind, at.Id, at.Field, position, inserted);
    }

    private PlanOp? RemoveText(PlanModel document)
    {
        if (TextField(document) is not { } at)
        {
            return null;
        }
        var text = document.Text(at.Kind, at.Id, at.Field);
        var length = CodePoints.Count(text);
        if (length == 0)
        {
            return null;
        }
        var position = random.Next(length);
        var end = Math.Min(length, position + random.Next(1, 5));
        foreach (var (start, stop) in Spans(text))
        {
            if (position < stop && end > start)
            {
                if (position >= start)
                {
                    return null;
                }
                end = start;
            }
        }
        return end > position ? PlanOps.Remove(at.Kind, at.Id, at.Field, position, end - position) : null;
    }

    private PlanOp? Set(PlanModel document)
    {
        if (Pick(document.Entities.Values.ToList()) is not { } entity)
        {
            return null;
        }
        var fields = PlanFields.Scalars(entity.Kind).Order(StringComparer.Ordinal).ToList();
        var field = fields[random.Next(fields.Count)];
        string? value = field switch
        {
            PlanFields.Status => PlanFields.Statuses(entity.Kind).Order(StringComparer.Ordinal).ElementAt(random.Next(PlanFields.Statuses(entity.Kind).Count)),
            PlanFields.DueDate => $"2026-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
            PlanFields.OwnerRegion => random.Next(2) == 0 ? "kaolack" : "oriental",
            PlanFields.MilestoneId => document.Ordered(PlanEntityKind.Milestone) is { Count: > 0 } milestones ? milestones[random.Next(milestones.Count)].Id : null,
            _ => $"{Word()} {Word()} {random.Next(100)}",
        };
        if (random.Next(10) == 0 && field != PlanFields.Status)
        {
            value = null;
        }
        return PlanOps.Set(entity.Kind, entity.Id, field, value);
    }

    private PlanOp? Add(PlanModel document)
    {
        var kind = (PlanEntityKind)random.Next(3);
        var siblings = document.Ordered(kind);
        if (siblings.Count >= 12)
        {
            return null;
        }
        var order = OrderAt(siblings, random.Next(siblings.Count + 1));
        if (order is null)
        {
            return null;
        }
        var fields = kind switch
        {
            PlanEntityKind.Section => new Dictionary<string, string> { [PlanFields.Heading] = Word(), [PlanFields.Body] = Filler() },
            PlanEntityKind.Milestone => new Dictionary<string, string> { [PlanFields.Title] = Word(), [PlanFields.OwnerRegion] = "oriental" },
            _ => new Dictionary<string, string> { [PlanFields.Title] = Word(), [PlanFields.Status] = "doing", [PlanFields.Notes] = Filler() },
        };
        return PlanOps.Add(kind, $"c{client}-e{++added}", order, fields);
    }

    private PlanOp? Move(PlanModel document)
    {
        var kind = (PlanEntityKind)random.Next(3);
        var siblings = document.Ordered(kind);
        if (siblings.Count < 2)
        {
            return null;
        }
        var moving = siblings[random.Next(siblings.Count)];
        var others = siblings.Where(e => e.Id != moving.Id).ToList();
        var order = OrderAt(others, random.Next(others.Count + 1));
        return order is null ? null : PlanOps.Move(kind, moving.Id, order);
    }

    private PlanOp? Delete(PlanModel document)
    {
        var kind = (PlanEntityKind)random.Next(3);
        var siblings = document.Ordered(kind);
        return siblings.Count <= 2 ? null : PlanOps.Delete(kind, siblings[random.Next(siblings.Count)].Id);
    }

    /// <summary>A key between the entities at index - 1 and index, when the keys allow one (equal or over-long keys do not).</summary>
    private static string? OrderAt(IReadOnlyList<PlanEntity> siblings, int index)
    {
        var before = index > 0 ? siblings[index - 1].Order : null;
        var after = index < siblings.Count ? siblings[index].Order : null;
        if (before is not null && after is not null && string.CompareOrdinal(before, after) >= 0)
        {
            return null;
        }
        try
        {
            var order = FractionalIndex.Between(before, after);
            return order.Length <= 64 ? order : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private (PlanEntityKind Kind, string Id, string Field)? TextField(PlanModel document)
    {
        var editable = document.Entities.Values.Where(e => e.Kind != PlanEntityKind.Milestone).ToList();
        if (Pick(editable) is not { } entity)
        {
            return null;
        }
        return (entity.Kind, entity.Id, entity.Kind == PlanEntityKind.Section ? PlanFields.Body : PlanFields.Notes);
    }

    /// <summary>Markers as code point ranges [start, end).</summary>
    private static List<(int Start, int End)> Spans(string text) =>
        [.. Marker().Matches(text).Select(m =>
        {
            var start = CodePoints.ToCodePointIndex(text, m.Index);
            return (start, start + CodePoints.Count(m.Value));
        })];

    private string Word() => Words[random.Next(Words.Length)];

    private string Filler() => random.Next(3) == 0 ? "" : Fillers[random.Next(Fillers.Length)];

    // Entities come from a hash map: sorted, so a seed always picks the same one.
    private PlanEntity? Pick(List<PlanEntity> entities) =>
        entities.Count == 0 ? null : entities.OrderBy(e => $"{e.Kind}/{e.Id}", StringComparer.Ordinal).ElementAt(random.Next(entities.Count));
}
