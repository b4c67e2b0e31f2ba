namespace Kaolack.Contracts.Text;

/// <summary>
/// The rules of ot-text-unicode's <c>checkOp</c>, with its messages, plus what the JavaScript
/// cannot express or does not check: a component of unknown kind, non-integer counts (impossible
/// here) and unpaired surrogates in strings (the package would miscount them).
/// </summary>
/// <remarks>
/// Like <c>checkOp</c>, adjacent inserts or adjacent deletes are valid; only adjacent retains are
/// not. <see cref="TextOp.Create(IEnumerable{TextOpComponent})"/> merges the former, which matters:
/// the package transforms <c>["a","b"]</c> and <c>["ab"]</c> differently against a concurrent
/// insert at the same position, and only the merged form converges.
/// </remarks>
public static class TextOpValidation
{
    /// <summary>Null when <paramref name="components"/> form a valid op, otherwise why not.</summary>
    public static string? Validate(IEnumerable<TextOpComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var index = 0;
        TextOpComponentKind? last = null;
        foreach (var c in components)
        {
            var error = ValidateComponent(c, last);
            if (error is not null)
            {
                return $"Component {index} ({c}): {error}";
            }
            last = c.Kind;
            index++;
        }
        return last == TextOpComponentKind.Retain ? "Op has a trailing skip" : null;
    }

    /// <summary>Throws a <see cref="TextOpException"/> carrying <see cref="Validate"/>'s message.</summary>
    public static void Check(IEnumerable<TextOpComponent> components)
    {
        if (Validate(components) is { } error)
        {
            throw new TextOpException(error);
        }
    }

    /// <summary>The rules about one component, given the kind of the one before it (null for none).</summary>
    internal static string? ValidateComponent(TextOpComponent c, TextOpComponentKind? previous) => c.Kind switch
    {
        TextOpComponentKind.Retain when c.Length <= 0 => "Skip components must be >0",
        TextOpComponentKind.Retain when previous == TextOpComponentKind.Retain => "Adjacent skip components should be combined",
        TextOpComponentKind.Retain => null,
        TextOpComponentKind.Insert when string.IsNullOrEmpty(c.Text) => "Inserts cannot be empty",
        TextOpComponentKind.Insert => StringError(c.Text, c.Length),
        TextOpComponentKind.Delete when c.Length <= 0 => "Deletes must not be empty",
        TextOpComponentKind.Delete when c.Text is not null => StringError(c.Text, c.Length),
        TextOpComponentKind.Delete => null,
        _ => "Component must be a skip, an insert or a delete",
    };

    private static string? StringError(string text, int length)
    {
        var bad = CodePoints.IndexOfUnpairedSurrogate(text);
        if (bad >= 0)
        {
            return $"Text contains an unpaired surrogate at UTF-16 index {bad}";
        }
        // Only a hand-made or corrupted serialized component can disagree with its own text.
        return CodePoints.Count(text) == length ? null : "Length does not match the text";
    }
}
