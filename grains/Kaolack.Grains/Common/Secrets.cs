using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Kaolack.Grains.Common;

/// <summary>
/// The secrets of single-use links (invitations, address verification, password reset): random, URL-safe, and stored
/// only as a hash, so a copy of the storage account cannot use a pending link.
/// </summary>
public static class Secrets
{
    /// <summary>192 random bits, base64url (no padding): short enough for a link, far beyond guessing.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>SHA-256 of the secret, hexadecimal: what is stored and compared.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
