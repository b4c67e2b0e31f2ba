namespace Kaolack.Contracts.Common;

/// <summary>Languages a profile can list, as ISO 639 codes (fr, wo, ar, ber, en, es, it, …).</summary>
public static class Language
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "fr", "wo", "ar", "ber", "ff", "srr", "en", "es", "it", "nl", "de",
    };
}
