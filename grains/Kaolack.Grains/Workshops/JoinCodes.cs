using System.Security.Cryptography;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// Join codes and workshop ids. Codes are six characters people read aloud or type on a phone: upper-case letters and
/// digits without the look-alikes (0/O, 1/I/L), about 887 million of them; ids are random and never guessed from a code.
/// </summary>
public static class JoinCodes
{
    public const int Length = 6;

    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, Length);

    public static string NewWorkshopId() => $"atelier-{RandomNumberGenerator.GetString(IdAlphabet, 12)}";

    /// <summary>What the person typed, upper-cased without spaces or dashes; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string([.. (typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
