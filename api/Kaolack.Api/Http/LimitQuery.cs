using System.Globalization;
using Kaolack.Contracts.Errors;

namespace Kaolack.Api.Http;

/// <summary>The <c>?limit=</c> of ranked lists (suggestions, matches).</summary>
public static class LimitQuery
{
    /// <summary>Absent: the default. Not a whole number: a validation problem naming <c>limit</c> (the grain checks the range).</summary>
    public static int Parse(string? limit, int defaultLimit, int maxLimit)
    {
        if (string.IsNullOrWhiteSpace(limit))
        {
            return defaultLimit;
        }
        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ValidationFailedException("limit", $"Nombre entier entre 1 et {maxLimit} attendu.");
    }
}
