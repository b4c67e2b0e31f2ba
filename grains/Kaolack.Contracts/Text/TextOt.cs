using System.Text;

namespace Kaolack.Contracts.Text;

/// <summary>
/// The ot-text-unicode 4.0.0 algorithms (apply, transform, compose, transformPosition), ported
/// step for step so that the server and browser clients running the npm package compute
/// identical ops and documents. Positions are Unicode code points.
/// </summary>
/// <remarks>
/// Deliberate differences, all on inputs the package would mishandle: a delete running past the
/// end of the document throws (the package silently deletes less), negative cursors throw, and
/// documents or ops with unpaired surrogates are refused.
/// </remarks>
public static class TextOt
{
    /// <summary>The document after <paramref name="op"/>.</summary>
    /// <exception cref="TextOpException">The op retains or deletes past the end of the document, or
    /// walks over an unpaired surrogate. Nothing is returned in that case, so a caller's document
    /// can never be half-edited.</exception>
    public static string Apply(string document, TextOp op)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(op);
        if (op.IsNoop)
        {
            return document;
        }
        var insertedUnits = 0;
        foreach (var c in op.Components)
        {
            insertedUnits += c.IsInsert ? c.Text!.Length : 0;
        }
        var result = new StringBuilder(document.Length + insertedUnits);
        var position = 0;
        foreach (var c in op.Components)
        {
            if (c.IsInsert)
            {
                result.Append(c.Text);
                continue;
            }
            var end = CodePoints.Advance(document, position, c.Length, throwOnUnpaired: true);
            if (end < 0)
            {
                throw TooLong(document, op, c);
            }
            if (c.IsRetain)
            {
                result.Append(document, position, end - position);
            }
            position = end;
        }
        return result.Append(document, position, document.Length - position).ToString();
    }

    /// <summary>
    /// <paramref name="op"/> rewritten to apply after <paramref name="other"/>, both having been made
    /// on the same document. When both insert at the same place, the <see cref="Side.Left"/> op's text
    /// comes first. For convergence transform one op with <see cref="Side.Left"/> and the other with
    /// <see cref="Side.Right"/>: <c>Apply(Apply(d, a), Transform(b, a, Right)) ==
    /// Apply(Apply(d, b), Transform(a, b, Left))</c>.
    /// </summary>
    public static TextOp Transform(TextOp op, TextOp other, Side side)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(other);
        if (side is not (Side.Left or Side.Right))
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, "Side must be Left or Right.");
        }
        var result = new TextOpBuilder();
        var reader = new TextOpReader(op.Components);
        foreach (var c2 in other.Components)
        {
            switch (c2.Kind)
            {
                case TextOpComponentKind.Retain:
                    for (var length = c2.Length; length > 0;)
                    {
                        var c1 = reader.Take(length, TextOpComponentKind.Insert);
                        result.Append(c1);
                        length -= c1.IsInsert ? 0 : c1.Length;
                    }
                    break;
                case TextOpComponentKind.Insert:
                    // Only an insert that is op's very next component wins the tie; one that comes
                    // after a delete at the same place does not (as in the package).
                    if (side == Side.Left && reader.PeekKind == TextOpComponentKind.Insert && reader.TryTakeRest(out var first))
                    {
                        result.Append(first);
                    }
                    result.Append(TextOpComponent.Retain(c2.Length));
                    break;
                default:
                    for (var length = c2.Length; length > 0;)
                    {
                        var c1 = reader.Take(length, TextOpComponentKind.Insert);
                        if (c1.IsInsert)
                        {
                            // Text inserted inside a range the other op deleted survives.
                            result.Append(c1);
                        }
                        else
                        {
                            // Retained text is gone; deleting it again is moot.
                            length -= c1.Length;
                        }
                    }
                    break;
            }
        }
        while (reader.TryTakeRest(out var rest))
        {
            result.Append(rest);
        }
        return result.Build();
    }

    /// <summary>One op with the effect of <paramref name="first"/> then <paramref name="second"/>
    /// (<paramref name="second"/> is expressed on the document <paramref name="first"/> produces).</summary>
    /// <remarks>As the package's NOTES.md warns, transform is not closed under compose: transform
    /// over the ops of a history one by one, never over their composition.</remarks>
    public static TextOp Compose(TextOp first, TextOp second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var result = new TextOpBuilder();
        var reader = new TextOpReader(first.Components);
        foreach (var c2 in second.Components)
        {
            switch (c2.Kind)
            {
                case TextOpComponentKind.Retain:
                    for (var length = c2.Length; length > 0;)
                    {
                        var chunk = reader.Take(length, TextOpComponentKind.Delete);
                        result.Append(chunk);
                        length -= chunk.IsDelete ? 0 : chunk.Length;
                    }
                    break;
                case TextOpComponentKind.Insert:
                    result.Append(c2);
                    break;
                default:
                    ComposeDelete(c2, reader, result);
                    break;
            }
        }
        while (reader.TryTakeRest(out var rest))
        {
            result.Append(rest);
        }
        return result.Build();
    }

    /// <summary>
    /// The package's <c>transformPosition</c>: where code point position <paramref name="cursor"/>
    /// moves when <paramref name="op"/> is applied. An insert exactly at the cursor leaves it in
    /// front of the new text; a cursor inside a deleted range moves to its start.
    /// With <paramref name="isOwnOp"/> the cursor belongs to the op's author and moves to the end
    /// of the op's last component (the classic ottypes <c>transformCursor(c, op, true)</c>), where
    /// the author's caret is after typing; a no-op leaves it where it was.
    /// </summary>
    public static int TransformCursor(int cursor, TextOp op, bool isOwnOp = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cursor);
        ArgumentNullException.ThrowIfNull(op);
        if (isOwnOp)
        {
            return op.IsNoop ? cursor : EndOfOp(op);
        }
        var position = 0;
        var components = op.Components;
        for (var i = 0; i < components.Length && cursor > position; i++)
        {
            var c = components[i];
            switch (c.Kind)
            {
                case TextOpComponentKind.Retain:
                    position += c.Length;
                    break;
                case TextOpComponentKind.Insert:
                    position += c.Length;
                    cursor += c.Length;
                    break;
                default:
                    cursor -= Math.Min(c.Length, cursor - position);
                    break;
            }
        }
        return cursor;
    }

    /// <summary>The package's <c>transformSelection</c>: both ends moved by <see cref="TransformCursor"/>.
    /// The anchor may follow the focus.</summary>
    public static (int Anchor, int Focus) TransformSelection(int anchor, int focus, TextOp op, bool isOwnOp = false) =>
        (TransformCursor(anchor, op, isOwnOp), TransformCursor(focus, op, isOwnOp));

    private static void ComposeDelete(TextOpComponent c2, TextOpReader reader, TextOpBuilder result)
    {
        var length = c2.Length;
        var offset = 0;
        // Where offset sits in c2.Text, for deletes that carry their text.
        var textOffset = 0;
        while (offset < length)
        {
            var chunk = reader.Take(length - offset, TextOpComponentKind.Delete);
            switch (chunk.Kind)
            {
                case TextOpComponentKind.Retain:
                    // Text that was there before the first op: the composed op deletes it.
                    if (c2.Text is null)
                    {
                        result.Append(TextOpComponent.Delete(chunk.Length));
                    }
                    else
                    {
                        var end = CodePoints.Advance(c2.Text, textOffset, chunk.Length, throwOnUnpaired: false);
                        result.Append(TextOpComponent.WithKnownLength(TextOpComponentKind.Delete, chunk.Length, c2.Text[textOffset..end]));
                        textOffset = end;
                    }
                    offset += chunk.Length;
                    break;
                case TextOpComponentKind.Insert:
                    // Text the first op inserted and the second deletes: it never appears.
                    if (c2.Text is not null)
                    {
                        textOffset = CodePoints.Advance(c2.Text, textOffset, chunk.Length, throwOnUnpaired: false);
                    }
                    offset += chunk.Length;
                    break;
                default:
                    result.Append(chunk);
                    break;
            }
        }
    }

    private static int EndOfOp(TextOp op)
    {
        var end = 0;
        foreach (var c in op.Components)
        {
            end += c.IsDelete ? 0 : c.Length;
        }
        return end;
    }

    private static TextOpException TooLong(string document, TextOp op, TextOpComponent at)
    {
        var verb = at.IsRetain ? "retains" : "deletes";
        return new TextOpException(
            $"The op is too long for this document: it {verb} up to code point {op.InputLength} " +
            $"but the document has {CodePoints.Count(document)} code points (op {op}).");
    }
}
