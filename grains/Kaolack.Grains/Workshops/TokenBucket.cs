namespace Kaolack.Grains.Workshops;

/// <summary>
/// <see cref="Capacity"/> at once, then one more every <see cref="Refill"/>: how fast guests may enter one workshop, and
/// how often one address may try a join code. Held in a grain's memory (a reactivation starts it full, which costs at
/// most one burst).
/// </summary>
public sealed class TokenBucket
{
    private double tokens;
    private DateTimeOffset? last;

    public TokenBucket(int capacity, TimeSpan refill)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refill, TimeSpan.Zero);
        Capacity = capacity;
        Refill = refill;
        tokens = capacity;
    }

    public int Capacity { get; }

    public TimeSpan Refill { get; }

    /// <summary>Takes one at <paramref name="now"/>: null when granted, else how long until the next one.</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        if (last is { } previous && now > previous)
        {
            tokens = Math.Min(Capacity, tokens + ((now - previous) / Refill));
        }
        last = now;
        if (tokens >= 1)
        {
            tokens--;
            return null;
        }
        return Refill * (1 - tokens);
    }
}
