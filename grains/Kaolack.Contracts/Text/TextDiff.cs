namespace Kaolack.Contracts.Text;

/// <summary>The simplest op that turns one text into another: keep the common start and end, replace the middle.</summary>
public static class TextDiff
{
    public static TextOp Between(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var limit = Math.Min(before.Length, after.Length);
        var prefix = 0;
        while (prefix < limit && before[prefix] == after[prefix])
        {
            prefix++;
        }
        // Never split a surrogate pair: back off to the pair's start.
        if (prefix > 0 && prefix < limit && char.IsHighSurrogate(before[prefix - 1]))
        {
            prefix--;
        }
        var suffix = 0;
        while (suffix < limit - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }
        if (suffix > 0 && suffix < before.Length - prefix && char.IsLowSurrogate(before[before.Length - suffix]))
        {
            suffix--;
        }
        if (suffix > 0 && suffix < after.Length - prefix && char.IsLowSurrogate(after[after.Length - suffix]))
        {
            suffix--;
        }
        var removed = before.Substring(prefix, before.Length - prefix - suffix);
        var inserted = after.Substring(prefix, after.Length - prefix - suffix);
        return TextOp.Normalize(
            TextOpComponent.Retain(CodePoints.Count(before.AsSpan(0, prefix))),
            TextOpComponent.Delete(CodePoints.Count(removed)),
            TextOpComponent.Insert(inserted));
    }
}
