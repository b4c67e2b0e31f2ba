namespace Kaolack.Contracts.Text;

/// <summary>
/// Unicode code point arithmetic on UTF-16 strings. Text ops count positions in code points
/// (an emoji is 1, "e\u0301" is 2) while .NET and browsers index UTF-16 units, so every
/// position crossing that boundary goes through here.
/// </summary>
/// <remarks>
/// Each scan jumps to the next surrogate with a vectorised search, so text without emoji costs
/// one memory pass and every operation here is linear in the span it walks.
/// An unpaired surrogate counts as one code point in these helpers (what <see cref="System.Text.Rune"/>
/// decoding does); ops never contain one (validation rejects it) and
/// <see cref="TextOt.Apply"/> refuses to walk over one in a document.
/// </remarks>
public static class CodePoints
{
    private const char SurrogateFirst = '\uD800';
    private const char SurrogateLast = '\uDFFF';

    /// <summary>Number of code points in <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        var i = 0;
        while (i < text.Length)
        {
            var k = text[i..].IndexOfAnyInRange(SurrogateFirst, SurrogateLast);
            if (k < 0)
            {
                break;
            }
            i += k;
            if (IsPairAt(text, i))
            {
                count--;
                i += 2;
            }
            else
            {
                i++;
            }
        }
        return count;
    }

    /// <summary>UTF-16 index of code point <paramref name="codePointIndex"/>; the length of the
    /// text maps to <c>text.Length</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or past the end.</exception>
    public static int ToUtf16Index(ReadOnlySpan<char> text, int codePointIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codePointIndex);
        var index = Advance(text, 0, codePointIndex, throwOnUnpaired: false);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(codePointIndex), codePointIndex,
                $"The text has only {Count(text)} code points.");
        }
        return index;
    }

    /// <summary>Code point index of UTF-16 index <paramref name="utf16Index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or past the end.</exception>
    /// <exception cref="ArgumentException">The index falls between the two halves of a surrogate pair.</exception>
    public static int ToCodePointIndex(ReadOnlySpan<char> text, int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, text.Length);
        if (utf16Index > 0 && utf16Index < text.Length && IsPairAt(text, utf16Index - 1))
        {
            throw new ArgumentException($"UTF-16 index {utf16Index} splits a surrogate pair.", nameof(utf16Index));
        }
        return Count(text[..utf16Index]);
    }

    /// <summary>The <paramref name="length"/> code points starting at code point <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the text.</exception>
    public static string Substring(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var from = ToUtf16Index(text, start);
        var to = Advance(text, from, length, throwOnUnpaired: false);
        if (to < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"The text has only {Count(text)} code points.");
        }
        return text[from..to];
    }

    /// <summary>UTF-16 index of the first unpaired surrogate, or -1 when the text is well-formed UTF-16.</summary>
    public static int IndexOfUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var k = text[i..].IndexOfAnyInRange(SurrogateFirst, SurrogateLast);
            if (k < 0)
            {
                return -1;
            }
            i += k;
            if (!IsPairAt(text, i))
            {
                return i;
            }
            i += 2;
        }
        return -1;
    }

    /// <summary>True when every surrogate in <paramref name="text"/> is part of a pair.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text) => IndexOfUnpairedSurrogate(text) < 0;

    /// <summary>
    /// UTF-16 index reached after <paramref name="count"/> code points from UTF-16 index
    /// <paramref name="start"/>, or -1 when the text ends first. Never stops inside a pair.
    /// </summary>
    internal static int Advance(ReadOnlySpan<char> text, int start, int count, bool throwOnUnpaired)
    {
        var i = start;
        while (count > 0)
        {
            var rest = text.Length - i;
            if (rest <= 0)
            {
                return -1;
            }
            // count code points need at least count UTF-16 units, so a window of that size
            // without surrogates is exactly count code points.
            var window = text.Slice(i, Math.Min(count, rest));
            var k = window.IndexOfAnyInRange(SurrogateFirst, SurrogateLast);
            if (k < 0)
            {
                i += window.Length;
                count -= window.Length;
                continue;
            }
            i += k;
            count -= k;
            if (IsPairAt(text, i))
            {
                i += 2;
            }
            else if (throwOnUnpaired)
            {
                throw new TextOpException($"The document contains an unpaired surrogate at UTF-16 index {i}.");
            }
            else
            {
                i++;
            }
            count--;
        }
        return i;
    }

    private static bool IsPairAt(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
