using System.Collections.Immutable;

namespace Kaolack.Contracts.Text;

/// <summary>
/// ot-text-unicode's <c>makeTake</c>: hands out an op piece by piece, splitting components where
/// the caller asks, and yields endless retains once the op is exhausted.
/// </summary>
/// <remarks>
/// The offset into the current component is kept both in code points and, for strings, in UTF-16
/// units, so splitting a long insert or text delete many times stays linear.
/// </remarks>
internal sealed class TextOpReader(ImmutableArray<TextOpComponent> op)
{
    private int index;
    private int offset;
    private int textOffset;

    /// <summary>Kind of the component the next take starts in (whole or partly consumed), or null at the end.</summary>
    public TextOpComponentKind? PeekKind => index < op.Length ? op[index].Kind : null;

    /// <summary>The rest of the current component, or false at the end of the op (<c>take(-1)</c>).</summary>
    public bool TryTakeRest(out TextOpComponent part)
    {
        if (index == op.Length)
        {
            part = default;
            return false;
        }
        part = Rest(op[index]);
        return true;
    }

    /// <summary>
    /// At most <paramref name="n"/> code points from the front (<c>take(n, indivisible)</c>).
    /// Components of the <paramref name="indivisible"/> kind come out whole whatever their length.
    /// </summary>
    public TextOpComponent Take(int n, TextOpComponentKind indivisible)
    {
        if (index == op.Length)
        {
            return TextOpComponent.Retain(n);
        }
        var c = op[index];
        if (c.Kind == indivisible || c.Length - offset <= n)
        {
            return Rest(c);
        }
        TextOpComponent part;
        if (c.Text is null)
        {
            part = TextOpComponent.WithKnownLength(c.Kind, n, null);
        }
        else
        {
            var end = CodePoints.Advance(c.Text, textOffset, n, throwOnUnpaired: false);
            part = TextOpComponent.WithKnownLength(c.Kind, n, c.Text[textOffset..end]);
            textOffset = end;
        }
        offset += n;
        return part;
    }

    private TextOpComponent Rest(TextOpComponent c)
    {
        var part = offset == 0
            ? c
            : TextOpComponent.WithKnownLength(c.Kind, c.Length - offset, c.Text?[textOffset..]);
        index++;
        offset = 0;
        textOffset = 0;
        return part;
    }
}
