using Kaolack.Contracts.Text;

namespace Kaolack.Plans.Tests;

/// <summary>Concurrent ops a and b on doc, an op c made after a, and cursors on doc.</summary>
internal sealed record OtCase(int Index, string Doc, TextOp A, TextOp B, TextOp C, IReadOnlyList<int> Cursors);

/// <summary>
/// Seeded random documents and ops for the differential test. Ops cut the document at a few
/// positions shared between a and b, so inserts often tie at the same position and deletes
/// line up or overlap; c cuts at a's insert boundaries, so it deletes text a inserted.
/// </summary>
internal sealed class CaseGenerator(int seed)
{
    // Atoms are concatenated into text; several are more than one code point (decomposed
    // accents, emoji with modifiers or ZWJ, flags), so ops regularly cut inside a grapheme.
    private static readonly string[] Atoms =
    [
        "a", "b", "c", "d", " ", " ", "x", "Y", "1", ".", "\n", "\"", "\\", "'",
        "é", "è", "ê", "à", "ç", "ô", "œ", "É", "«", "»", "\u00A0", "e\u0301", "\u0301", "n\u0303",
        "س", "ل", "ا", "م", "ع", "ي", "ك", "ة", "ب\u064E", "\u0651", "لا", "\u200F",
        "😅", "🤖", "👻", "🥰", "👍🏽", "🇸🇳", "👨‍👩‍👧", "❤️", "𝄞", "中",
    ];

    private readonly Random random = new(seed);

    public OtCase Next(int index)
    {
        var doc = random.Next(100) switch
        {
            < 8 => "",
            < 18 => Text(40, 80),
            _ => Text(1, 25),
        };
        var length = CodePoints.Count(doc);
        var shared = RandomPoints(length, random.Next(1, 4));
        shared.Add(0);
        shared.Add(length);

        var a = RandomOp(doc, shared);
        var b = random.Next(100) switch
        {
            < 5 => a,
            < 10 => TextOp.Empty,
            < 14 => TextOp.Normalize(TextOpComponent.Delete(length), TextOpComponent.Insert(Text(1, 3))),
            _ => RandomOp(doc, shared),
        };
        var c = RandomOp(TextOt.Apply(doc, a), EditBoundaries(a));

        var cursors = new List<int>(shared);
        cursors.AddRange(RandomPoints(length, 2));
        if (random.Next(4) == 0)
        {
            cursors.Add(length + random.Next(1, 4));
        }
        return new OtCase(index, doc, a, b, c, cursors);
    }

    /// <summary>Raw component lists, valid or not (but never negative), for checkOp and normalize.</summary>
    public List<TextOpComponent> RawComponents()
    {
        var count = random.Next(6);
        var components = new List<TextOpComponent>(count);
        for (var i = 0; i < count; i++)
        {
            components.Add(random.Next(5) switch
            {
                0 => TextOpComponent.Retain(random.Next(4)),
                1 => TextOpComponent.Insert(random.Next(4) == 0 ? "" : Text(1, 2)),
                2 => TextOpComponent.Delete(random.Next(4)),
                3 => TextOpComponent.Delete(random.Next(4) == 0 ? "" : Text(1, 2)),
                _ => TextOpComponent.Retain(random.Next(1, 3)),
            });
        }
        return components;
    }

    private string Text(int minAtoms, int maxAtoms)
    {
        var count = random.Next(minAtoms, maxAtoms + 1);
        return string.Concat(Enumerable.Range(0, count).Select(_ => Atoms[random.Next(Atoms.Length)]));
    }

    private SortedSet<int> RandomPoints(int length, int count)
    {
        var points = new SortedSet<int>();
        for (var i = 0; i < count; i++)
        {
            points.Add(random.Next(length + 1));
        }
        return points;
    }

    /// <summary>An op on <paramref name="doc"/> cut at 0, the end, most shared points and a few of its own.</summary>
    private TextOp RandomOp(string doc, IEnumerable<int> shared)
    {
        var length = CodePoints.Count(doc);
        var cuts = RandomPoints(length, random.Next(3));
        cuts.Add(0);
        cuts.Add(length);
        foreach (var p in shared)
        {
            if (p <= length && random.Next(10) < 7)
            {
                cuts.Add(p);
            }
        }
        var points = cuts.ToArray();
        var components = new List<TextOpComponent>();
        for (var j = 0; j < points.Length; j++)
        {
            if (random.Next(10) < 4)
            {
                components.Add(TextOpComponent.Insert(Text(1, 4)));
            }
            if (j + 1 == points.Length)
            {
                break;
            }
            var segment = points[j + 1] - points[j];
            components.Add(random.Next(4) switch
            {
                0 or 1 => TextOpComponent.Retain(segment),
                2 => TextOpComponent.Delete(segment),
                _ => TextOpComponent.Delete(CodePoints.Substring(doc, points[j], segment)),
            });
        }
        return TextOp.Normalize(components);
    }

    /// <summary>Positions in the document after <paramref name="op"/> where it inserted or deleted.</summary>
    private static SortedSet<int> EditBoundaries(TextOp op)
    {
        var points = new SortedSet<int>();
        var position = 0;
        foreach (var c in op.Components)
        {
            if (!c.IsRetain)
            {
                points.Add(position);
            }
            position += c.IsDelete ? 0 : c.Length;
            points.Add(position);
        }
        return points;
    }
}
