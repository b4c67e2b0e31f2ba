using System.Globalization;
using System.Text;

namespace Kaolack.Contracts.Common;

/// <summary>URL-safe identifiers of entities: lowercase ASCII letters, digits and single hyphens.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }
        var previousHyphen = false;
        foreach (var c in value)
        {
            var hyphen = c == '-';
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || hyphen) || (hyphen && previousHyphen))
            {
                return false;
            }
            previousHyphen = hyphen;
        }
        return true;
    }

    /// <summary>"Coopérative Jokko d'Oujda" becomes "cooperative-jokko-d-oujda". Empty when nothing usable remains.</summary>
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
            if (builder.Length >= MaxLength)
            {
                break;
            }
        }
        return builder.ToString().Trim('-');
    }
}
