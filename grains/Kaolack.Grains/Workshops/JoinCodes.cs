using System.Security.Cryptography;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// Join codes and workshop ids. Codes are eight characters people read aloud, scan as a QR code or type on a phone:
/// upper-case letters and digits without the look-alikes (0/O, 1/I/L), 31⁸ ≈ 8.5 × 10¹¹ of them, so with an address
/// allowed about one attempt a minute (<see cref="WorkshopOptions.JoinAttemptInterval"/>) guessing one is hopeless. Ids
/// are random and never guessed from a code.
/// </summary>
public static class JoinCodes
{
    public const int Length = 8;

    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, Length);

    public static string NewWorkshopId() => $"atelier-{NewToken()}";

    /// <summary>Twelve random characters that make a slug: the tail of new ids.</summary>
    public static string NewToken() => RandomNumberGenerator.GetString(IdAlphabet, 12);

    /// <summary>What the person typed, upper-cased without spaces or dashes; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string([.. (typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
