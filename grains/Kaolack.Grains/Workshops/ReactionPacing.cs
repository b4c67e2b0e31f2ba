namespace Kaolack.Grains.Workshops;

/// <summary>
/// At most one reaction per participant per <see cref="Interval"/>: a finger held on the button must not become a flood
/// of writes and events for every phone. Held in the grain's memory (a reactivation forgets it, which costs nothing).
/// </summary>
public sealed class ReactionPacing(TimeSpan interval)
{
    /// <summary>Beyond this many participants, those not heard from for an interval are forgotten.</summary>
    private const int PruneAbove = 1000;

    private readonly Dictionary<string, DateTimeOffset> last = new(StringComparer.Ordinal);

    public TimeSpan Interval { get; } = interval;

    /// <summary>True (and remembered) when the participant's previous reaction is at least an interval old.</summary>
    public bool Allow(string participantId, DateTimeOffset now)
    {
        if (last.TryGetValue(participantId, out var previous) && now - previous < Interval)
        {
            return false;
        }
        if (last.Count >= PruneAbove)
        {
            foreach (var stale in last.Where(entry => now - entry.Value >= Interval).Select(entry => entry.Key).ToArray())
            {
                last.Remove(stale);
            }
        }
        last[participantId] = now;
        return true;
    }
}
