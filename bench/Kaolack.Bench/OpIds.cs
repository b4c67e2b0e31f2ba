namespace Kaolack.Bench;

/// <summary>
/// The op ids and the seeded PRNG, identical to bench/peers/lib/common.js: every op inserts exactly
/// 8 characters, '[' + 6 base-36 digits of its global index + ']', so a receiver can recognise the ids
/// even inside composed ops or when a later insert landed inside an earlier one (nested brackets).
/// </summary>
internal static class OpIds
{
    public const int Length = 8;

    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string Text(int g)
    {
        Span<char> chars = stackalloc char[Length];
        chars[0] = '[';
        chars[Length - 1] = ']';
        var value = g;
        for (var i = Length - 2; i >= 1; i--)
        {
            chars[i] = Digits[value % 36];
            value /= 36;
        }
        return new string(chars);
    }

    /// <summary>Calls <paramref name="found"/> with every complete op id in the inserted runs of one change.</summary>
    public static void Parse(IEnumerable<string> runs, Action<int> found)
    {
        var stack = new List<System.Text.StringBuilder>();
        foreach (var run in runs)
        {
            stack.Clear();
            foreach (var ch in run)
            {
                if (ch == '[')
                {
                    stack.Add(new System.Text.StringBuilder(6));
                }
                else if (ch == ']')
                {
                    if (stack.Count > 0)
                    {
                        var body = stack[^1];
                        stack.RemoveAt(stack.Count - 1);
                        if (body.Length == 6 && TryBase36(body, out var g))
                        {
                            found(g);
                        }
                    }
                }
                else if (stack.Count > 0)
                {
                    stack[^1].Append(ch);
                }
            }
        }
    }

    private static bool TryBase36(System.Text.StringBuilder body, out int value)
    {
        value = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = Digits.IndexOf(char.ToLowerInvariant(body[i]), StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }
            value = (value * 36) + digit;
        }
        return true;
    }
}

/// <summary>mulberry32, bit for bit as in bench/peers/lib/common.js.</summary>
internal sealed class Mulberry32(uint seed)
{
    private uint a = seed;

    /// <summary>The peers' per-sender seed: (seed * 1000003 + sender * 7919) >>> 0.</summary>
    public static Mulberry32 ForSender(int seed, int sender) => new(unchecked((uint)(((long)seed * 1000003) + ((long)sender * 7919))));

    public double Next()
    {
        unchecked
        {
            a += 0x6D2B79F5;
            var t = a;
            t = (t ^ (t >> 15)) * (t | 1);
            t ^= t + ((t ^ (t >> 7)) * (t | 61));
            return (t ^ (t >> 14)) / 4294967296.0;
        }
    }
}
