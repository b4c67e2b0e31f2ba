namespace Kaolack.Client;

/// <summary>
/// Order keys between two others, so moving or inserting an entity changes only its own key. Keys are
/// base-62 fractions whose digits (0-9, A-Z, a-z) sort ordinally like the server sorts them; a key
/// never ends with '0', so there is always room between two keys.
/// </summary>
public static class FractionalIndex
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A key strictly between <paramref name="before"/> and <paramref name="after"/> (null: no bound).</summary>
    /// <exception cref="ArgumentException">The bounds are not keys of this scheme or not in order.</exception>
    public static string Between(string? before, string? after)
    {
        Check(before, nameof(before));
        Check(after, nameof(after));
        if (before is not null && after is not null && string.CompareOrdinal(before, after) >= 0)
        {
            throw new ArgumentException($"'{before}' must sort before '{after}'.", nameof(before));
        }
        return (before, after) switch
        {
            (not null, null) => After(before),
            (null, not null) => Before(after),
            _ => Midpoint(before ?? "", after),
        };
    }

    /// <summary>The next key up: the first digit that can grow grows, so appending keeps keys short.</summary>
    private static string After(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var digit = Digits.IndexOf(key[i], StringComparison.Ordinal);
            if (digit < Digits.Length - 1)
            {
                return key[..i] + Digits[digit + 1];
            }
        }
        return Midpoint(key, null);
    }

    /// <summary>The next key down, likewise; a key of only 0s and 1s falls back to a midpoint.</summary>
    private static string Before(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var digit = Digits.IndexOf(key[i], StringComparison.Ordinal);
            if (digit > 1)
            {
                return key[..i] + Digits[digit - 1];
            }
        }
        return Midpoint("", key);
    }

    private static string Midpoint(string a, string? b)
    {
        // Each step consumes a digit of b or, once b is null, ends within a's length + 1 digits.
        var prefix = 0;
        while (b is not null && prefix < b.Length && (prefix < a.Length ? a[prefix] : '0') == b[prefix])
        {
            prefix++;
        }
        if (prefix > 0)
        {
            return b![..prefix] + Midpoint(prefix < a.Length ? a[prefix..] : "", b[prefix..]);
        }
        var low = a.Length > 0 ? Digits.IndexOf(a[0], StringComparison.Ordinal) : 0;
        var high = b is not null ? Digits.IndexOf(b[0], StringComparison.Ordinal) : Digits.Length;
        if (high - low > 1)
        {
            return Digits[(low + high + 1) / 2].ToString();
        }
        if (b is not null && b.Length > 1)
        {
            return b[..1];
        }
        return Digits[low] + Midpoint(a.Length > 1 ? a[1..] : "", null);
    }

    private static void Check(string? key, string name)
    {
        if (key is null)
        {
            return;
        }
        if (key.Length == 0 || key[^1] == '0' || key.Any(c => Digits.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            throw new ArgumentException($"'{key}' is not an order key (base-62 digits, not ending with 0).", name);
        }
    }
}
