using Kaolack.Grains.Common;
namespace Kaolack.Grains.Directory;

/// <summary>
/// Compares the short phrases people type as value chains, skills and needs ("comptabilité" and "comptabilité
/// coopérative", "arachide" and "huile d'arachide") by their significant words: accents, case, little words and a
/// plural "s" ignored; two phrases match when every significant word of one appears in the other.
/// </summary>
public static class Terms
{
    /// <summary>French articles, prepositions and conjunctions that say nothing about the trade.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "avec", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour", "sur", "un", "une",
    };

    /// <summary>The significant words of a phrase, folded and singular; empty when it has none.</summary>
    public static string[] Words(string phrase)
    {
        var letters = Text.Fold(phrase).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return new string(letters)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !Filler.Contains(word))
            .Select(word => word.Length > 3 && word.EndsWith('s') ? word[..^1] : word)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Whether every word of one side is among the other's (both non-empty).</summary>
    public static bool Match(string[] a, string[] b) =>
        a.Length > 0 && b.Length > 0 && (a.All(b.Contains) || b.All(a.Contains));

    public static bool Match(string a, string b) => Match(Words(a), Words(b));
}
