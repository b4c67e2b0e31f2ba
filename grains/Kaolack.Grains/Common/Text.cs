using System.Globalization;
using System.Text;

namespace Kaolack.Grains.Common;

/// <summary>Normalisation of what people type: trimmed, inner whitespace collapsed, duplicates dropped.</summary>
public static class Text
{
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c) && c != '\n')
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && c != '\n')
            {
                builder.Append(' ');
            }
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Cleans every item, drops empty ones and repeats (compared without case or accents), keeps the first spelling.</summary>
    public static string[] CleanList(IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return [];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var raw in values)
        {
            var item = Clean(raw);
            if (item.Length > 0 && seen.Add(Fold(item)))
            {
                result.Add(item);
            }
        }
        return [.. result];
    }

    /// <summary>Lowercase without diacritics, for matching "Céréales" with "cereales".</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
