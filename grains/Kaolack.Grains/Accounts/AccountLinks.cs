using System.Buffers.Text;
using System.Text;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Accounts;

/// <summary>
/// Account link tokens: "{address in base64url}.{secret}". The address routes the token to its account (accounts are
/// keyed by address, and the link goes to that address anyway); only the secret's hash is stored.
/// </summary>
public static class AccountLinks
{
    private const int MaxTokenLength = 600;

    /// <summary>A new token for the account and what the account stores of it.</summary>
    public static (string Token, StoredLink Stored) Issue(string email, DateTimeOffset expiresAt)
    {
        var secret = Secrets.New();
        return ($"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(email))}.{secret}", new StoredLink(Secrets.Hash(secret), expiresAt));
    }

    /// <summary>The account a token names, or null when it is not a token at all.</summary>
    public static string? AddressOf(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > MaxTokenLength)
        {
            return null;
        }
        try
        {
            var address = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
            return address.Length is > 0 and <= 254 ? address : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether the token is this account's pending link and still usable at <paramref name="now"/>.</summary>
    public static bool Matches(StoredLink? stored, string email, string? token, DateTimeOffset now)
    {
        if (stored is null || now >= stored.ExpiresAt || token is null || AddressOf(token) != email)
        {
            return false;
        }
        return Secrets.Matches(token[(token.IndexOf('.', StringComparison.Ordinal) + 1)..], stored.SecretHash);
    }
}
