using Kaolack.Contracts.Errors;
namespace Kaolack.Grains.Entities;

public static class LanguageRules
{
    /// <summary>Languages are ISO 639 codes of two or three letters (fr, wo, ar, ber…).</summary>
    public static void Validate(Validation v, string field, string[] codes)
    {
        if (codes.Length > 10)
        {
            v.Add(field, "10 langues au plus.");
        }
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i].Length is < 2 or > 3 || !codes[i].All(char.IsAsciiLetterLower))
            {
                v.Add($"{field}[{i}]", "Code de langue ISO 639 attendu (fr, wo, ar, ber…).");
            }
        }
    }
}
