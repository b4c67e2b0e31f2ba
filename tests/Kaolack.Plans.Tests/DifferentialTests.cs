using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaolack.Contracts.Text;

namespace Kaolack.Plans.Tests;

/// <summary>
/// The C# port against ot-text-unicode itself: thousands of seeded random cases go through one
/// Node process and every result must be identical, op component for op component.
/// Set KAOLACK_OT_DIFF_SEED / KAOLACK_OT_DIFF_CASES to explore other cases.
/// </summary>
public sealed class DifferentialTests
{
    private const int DefaultSeed = 20_250_601;
    private const int DefaultCases = 5000;
    private const int RawCases = 1000;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_port_computes_exactly_what_ot_text_unicode_computes()
    {
        var seed = FromEnvironment("KAOLACK_OT_DIFF_SEED", DefaultSeed);
        var generator = new CaseGenerator(seed);
        var cases = Enumerable.Range(0, FromEnvironment("KAOLACK_OT_DIFF_CASES", DefaultCases)).Select(generator.Next).ToList();
        var raws = Enumerable.Range(0, RawCases).Select(_ => generator.RawComponents()).ToList();

        var output = await OtReference.RunAsync(new JsonObject
        {
            ["cases"] = new JsonArray([.. cases.Select(ToJson)]),
            ["raw"] = new JsonArray([.. raws.Select(RawToJson)]),
        });

        Assert.Equal(OtReference.PinnedVersion(), output["version"]?.GetValue<string>());
        var results = output["results"]!.AsArray();
        var rawResults = output["raw"]!.AsArray();
        Assert.Equal(cases.Count, results.Count);
        Assert.Equal(raws.Count, rawResults.Count);

        var mismatches = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            mismatches.AddRange(Compare(cases[i], results[i]!.AsObject()).Select(m => $"{m}\n{Describe(cases[i])}"));
        }
        for (var i = 0; i < raws.Count; i++)
        {
            mismatches.AddRange(CompareRaw(raws[i], rawResults[i]!.AsObject()).Select(m => $"raw #{i} {RawToJson(raws[i])!.ToJsonString(Readable)}: {m}"));
        }
        if (mismatches.Count > 0)
        {
            Assert.Fail($"{mismatches.Count} mismatches against ot-text-unicode (seed {seed}); the first:\n{mismatches[0]}");
        }
        AssertCoverage(cases);
    }

    // Guards the generator: random cases are only worth something if they keep hitting the
    // situations where OT implementations go wrong.
    private static void AssertCoverage(List<OtCase> cases)
    {
        var ties = cases.Count(c => TextOt.Transform(c.A, c.B, Side.Left) != TextOt.Transform(c.A, c.B, Side.Right));
        var overlappingDeletes = cases.Count(c => Deleted(c.A).Intersect(Deleted(c.B)).Any());
        var insertsDeletedByB = cases.Count(c => InsertPositions(c.A).Any(p => Deleted(c.B).Contains(p - 1) && Deleted(c.B).Contains(p)));
        var deletesOfInsertedText = cases.Count(c => Inserted(c.A).Intersect(Deleted(c.C)).Any());
        var textDeletes = cases.Count(c => c.A.Components.Any(k => k.IsDelete && k.Text is not null));
        var astral = cases.Count(c => c.Doc.Any(char.IsSurrogate) && !c.A.IsNoop);
        var combining = cases.Count(c => c.Doc.Contains('\u0301', StringComparison.Ordinal));
        var emptyDocs = cases.Count(c => c.Doc.Length == 0);
        var minimum = cases.Count / 50;
        Assert.True(
            new[] { ties, overlappingDeletes, insertsDeletedByB, deletesOfInsertedText, textDeletes, astral, combining, emptyDocs }.All(n => n >= minimum),
            $"The generator no longer covers the hard cases (each needs {minimum} of {cases.Count}): ties {ties}, overlapping deletes {overlappingDeletes}, " +
            $"inserts inside deleted ranges {insertsDeletedByB}, deletes of inserted text {deletesOfInsertedText}, text deletes {textDeletes}, " +
            $"surrogate pairs {astral}, combining marks {combining}, empty documents {emptyDocs}.");
    }

    /// <summary>Input positions (code points of the original document) that <paramref name="op"/> deletes.</summary>
    private static HashSet<int> Deleted(TextOp op)
    {
        var deleted = new HashSet<int>();
        var position = 0;
        foreach (var c in op.Components.Where(c => !c.IsInsert))
        {
            if (c.IsDelete)
            {
                deleted.UnionWith(Enumerable.Range(position, c.Length));
            }
            position += c.Length;
        }
        return deleted;
    }

    /// <summary>Input positions at which <paramref name="op"/> inserts.</summary>
    private static List<int> InsertPositions(TextOp op)
    {
        var positions = new List<int>();
        var position = 0;
        foreach (var c in op.Components)
        {
            if (c.IsInsert)
            {
                positions.Add(position);
            }
            else
            {
                position += c.Length;
            }
        }
        return positions;
    }

    /// <summary>Output positions (code points of the new document) holding text <paramref name="op"/> inserted.</summary>
    private static HashSet<int> Inserted(TextOp op)
    {
        var inserted = new HashSet<int>();
        var position = 0;
        foreach (var c in op.Components.Where(c => !c.IsDelete))
        {
            if (c.IsInsert)
            {
                inserted.UnionWith(Enumerable.Range(position, c.Length));
            }
            position += c.Length;
        }
        return inserted;
    }

    private static IEnumerable<string> Compare(OtCase c, JsonObject js)
    {
        if (js["error"] is { } error)
        {
            yield return $"ot-text-unicode threw: {error}";
            yield break;
        }
        var (mine, thrown) = TryCompute(c);
        if (thrown is not null)
        {
            yield return $"the port threw {thrown.GetType().Name}: {thrown.Message}";
            yield break;
        }
        foreach (var (name, value) in mine)
        {
            var expected = js[name];
            var actual = value switch
            {
                TextOp op => JsonSerializer.SerializeToNode(op),
                _ => JsonSerializer.SerializeToNode(value),
            };
            if (!JsonNode.DeepEquals(expected, actual))
            {
                yield return $"{name}: ot-text-unicode {expected?.ToJsonString(Readable)}, the port {actual?.ToJsonString(Readable)}";
            }
        }
        // What the package promises and the grain relies on, checked on the port's own results.
        if (!Equals(mine["docAThenBRight"], mine["docBThenALeft"]) || !Equals(mine["docAThenBLeft"], mine["docBThenARight"]))
        {
            yield return "the port does not converge";
        }
        if (!Equals(mine["docComposeAbRight"], mine["docAThenBRight"]) || !Equals(mine["docComposeAc"], mine["docAc"]))
        {
            yield return "applying a composition differs from applying its parts";
        }
    }

    private static (Dictionary<string, object> Results, Exception? Thrown) TryCompute(OtCase c)
    {
        try
        {
            return (Compute(c), null);
        }
        catch (Exception e)
        {
            return ([], e);
        }
    }

    private static Dictionary<string, object> Compute(OtCase c)
    {
        var docA = TextOt.Apply(c.Doc, c.A);
        var docB = TextOt.Apply(c.Doc, c.B);
        var aLeft = TextOt.Transform(c.A, c.B, Side.Left);
        var aRight = TextOt.Transform(c.A, c.B, Side.Right);
        var bLeft = TextOt.Transform(c.B, c.A, Side.Left);
        var bRight = TextOt.Transform(c.B, c.A, Side.Right);
        var composeAbRight = TextOt.Compose(c.A, bRight);
        var composeAc = TextOt.Compose(c.A, c.C);
        var cursors = c.Cursors;
        return new()
        {
            ["docA"] = docA,
            ["docB"] = docB,
            ["aLeft"] = aLeft,
            ["aRight"] = aRight,
            ["bLeft"] = bLeft,
            ["bRight"] = bRight,
            ["docAThenBRight"] = TextOt.Apply(docA, bRight),
            ["docBThenALeft"] = TextOt.Apply(docB, aLeft),
            ["docAThenBLeft"] = TextOt.Apply(docA, bLeft),
            ["docBThenARight"] = TextOt.Apply(docB, aRight),
            ["composeAbRight"] = composeAbRight,
            ["docComposeAbRight"] = TextOt.Apply(c.Doc, composeAbRight),
            ["composeBaLeft"] = TextOt.Compose(c.B, aLeft),
            ["docAc"] = TextOt.Apply(docA, c.C),
            ["composeAc"] = composeAc,
            ["docComposeAc"] = TextOt.Apply(c.Doc, composeAc),
            ["cursorsA"] = cursors.Select(k => TextOt.TransformCursor(k, c.A)).ToArray(),
            ["cursorsB"] = cursors.Select(k => TextOt.TransformCursor(k, c.B)).ToArray(),
            ["selectionsA"] = cursors.Select((k, i) => TextOt.TransformSelection(k, cursors[(i + 1) % cursors.Count], c.A))
                .Select(s => new[] { s.Anchor, s.Focus }).ToArray(),
        };
    }

    private static IEnumerable<string> CompareRaw(List<TextOpComponent> raw, JsonObject js)
    {
        var jsValid = js["valid"]!.GetValue<bool>();
        var error = TextOpValidation.Validate(raw);
        if (jsValid != (error is null))
        {
            yield return $"checkOp says {(jsValid ? "valid" : js["error"])}, the port says {error ?? "valid"}";
        }
        var normalized = JsonSerializer.SerializeToNode(TextOp.Normalize(raw));
        if (!JsonNode.DeepEquals(js["normalized"], normalized))
        {
            yield return $"normalize: ot-text-unicode {js["normalized"]?.ToJsonString(Readable)}, the port {normalized?.ToJsonString(Readable)}";
        }
        if (error is null && TextOp.Create(raw) != TextOp.Normalize(raw))
        {
            yield return $"Create {TextOp.Create(raw)} differs from Normalize {TextOp.Normalize(raw)}";
        }
    }

    private static JsonObject ToJson(OtCase c) => new()
    {
        ["doc"] = c.Doc,
        ["a"] = JsonSerializer.SerializeToNode(c.A),
        ["b"] = JsonSerializer.SerializeToNode(c.B),
        ["c"] = JsonSerializer.SerializeToNode(c.C),
        ["cursors"] = new JsonArray([.. c.Cursors.Select(k => (JsonNode)k)]),
    };

    // Written by hand because the converter only writes valid ops.
    private static JsonArray RawToJson(List<TextOpComponent> raw) => new([.. raw.Select(c => c.Kind switch
    {
        TextOpComponentKind.Retain => (JsonNode)c.Length,
        TextOpComponentKind.Insert => (JsonNode)c.Text!,
        _ => new JsonObject { ["d"] = c.Text is null ? (JsonNode)c.Length : (JsonNode)c.Text },
    })]);

    private static string Describe(OtCase c)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  case #{c.Index}\n");
        text.Append(CultureInfo.InvariantCulture, $"  doc: {JsonSerializer.Serialize(c.Doc, Readable)} ({CodePoints.Count(c.Doc)} code points)\n");
        text.Append(CultureInfo.InvariantCulture, $"  a: {c.A}\n  b: {c.B}\n  c (after a): {c.C}\n");
        text.Append(CultureInfo.InvariantCulture, $"  cursors: [{string.Join(", ", c.Cursors)}]");
        return text.ToString();
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
