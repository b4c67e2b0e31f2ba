using System.Collections.Concurrent;

namespace Kaolack.Grains.Plans;

/// <summary>
/// The plans active on this silo whose op log could not be read: each serves its last snapshot read-only until a later
/// activation reads its log. The health check names them, so a damaged log is seen, not just logged.
/// </summary>
public sealed class UnreadablePlans
{
    private readonly ConcurrentDictionary<string, string> plans = new(StringComparer.Ordinal);

    /// <summary>The plan keys and why their log could not be read, in key order.</summary>
    public IReadOnlyList<(string Key, string Reason)> Current => [.. plans.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];

    public void Report(string key, string reason) => plans[key] = reason;

    public void Clear(string key) => plans.TryRemove(key, out _);
}
