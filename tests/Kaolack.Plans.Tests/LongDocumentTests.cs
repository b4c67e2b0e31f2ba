using System.Diagnostics;
using System.Text;
using Kaolack.Contracts.Text;
using static Kaolack.Contracts.Text.TextOpComponent;

namespace Kaolack.Plans.Tests;

/// <summary>Plans can be hundreds of KB: every operation must stay linear in the document and op size.
/// The time limits are loose on purpose; a quadratic walk would take minutes, not seconds.</summary>
public sealed class LongDocumentTests
{
    private const int Lines = 8_000;

    private static readonly string Document = BuildDocument();

    [Fact]
    public void Edits_spread_over_a_long_document_are_linear()
    {
        var length = CodePoints.Count(Document);
        // One edit every 40 code points across the whole plan: about 25 000 components.
        var components = new List<TextOpComponent>();
        for (var at = 0; at + 40 <= length; at += 40)
        {
            components.Add(Retain(37));
            components.Add(Delete(2));
            components.Add(Insert("é😅"));
            components.Add(Retain(1));
        }
        var edit = TextOp.Normalize(components);
        var concurrent = TextOp.Normalize(Retain(length / 2), Insert("🇸🇳 milieu "), Delete(1000));

        var watch = Stopwatch.StartNew();
        var edited = TextOt.Apply(Document, edit);
        var editPrime = TextOt.Transform(edit, concurrent, Side.Left);
        var concurrentPrime = TextOt.Transform(concurrent, edit, Side.Right);
        var viaEdit = TextOt.Apply(edited, concurrentPrime);
        var viaConcurrent = TextOt.Apply(TextOt.Apply(Document, concurrent), editPrime);
        var composed = TextOt.Compose(edit, concurrentPrime);
        var viaComposed = TextOt.Apply(Document, composed);
        var cursor = TextOt.TransformCursor(length - 1, edit);
        watch.Stop();

        Assert.Equal(viaEdit, viaConcurrent);
        Assert.Equal(viaEdit, viaComposed);
        Assert.Equal(length - 1, cursor);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Took {watch.Elapsed} on {Document.Length} UTF-16 units.");
    }

    [Fact]
    public void Many_small_edits_at_the_end_of_a_long_document_stay_fast()
    {
        var document = Document;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            var length = CodePoints.Count(document);
            document = TextOt.Apply(document, TextOp.InsertAt(length - 1, "👍🏽"));
        }
        watch.Stop();
        Assert.Equal(CodePoints.Count(Document) + 400, CodePoints.Count(document));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Took {watch.Elapsed}.");
    }

    [Fact]
    public void A_huge_insert_split_by_many_deletes_is_linear()
    {
        var paste = TextOp.InsertAt(0, Document);
        var length = CodePoints.Count(Document);
        var components = new List<TextOpComponent>();
        for (var at = 0; at + 10 <= length; at += 10)
        {
            components.Add(Retain(9));
            components.Add(Delete(1));
        }
        var thinning = TextOp.Normalize(components);
        var watch = Stopwatch.StartNew();
        var composed = TextOt.Compose(paste, thinning);
        watch.Stop();
        Assert.Equal(TextOt.Apply(Document, thinning), TextOt.Apply("", composed));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Took {watch.Elapsed}.");
    }

    private static string BuildDocument()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Lines; i++)
        {
            text.Append((i % 3) switch
            {
                0 => "- Semis du mil à Kaolack, coopérative Jokko 🌾\n",
                1 => "- زراعة الدخن في كاولاك مع الجالية 🤝\n",
                _ => "- Réunion e\u0301quipe 👨‍👩‍👧 diaspora Oriental\n",
            });
        }
        return text.ToString();
    }
}
