using Kaolack.Contracts.Live;

namespace Kaolack.Grains.Live;

/// <summary>
/// The recent events of one live source, held in memory so a reconnecting client gets exactly what it
/// missed. When the events it needs are gone (older than the window, or the grain was reactivated),
/// it gets a snapshot instead.
/// </summary>
public sealed class LiveJournal(string topic, int capacity = LiveJournal.DefaultCapacity)
{
    public const int DefaultCapacity = 128;

    private readonly Queue<LiveEvent> recent = new();

    public string Topic { get; } = topic;

    public void Append(LiveEvent liveEvent)
    {
        if (recent.Count > 0 && liveEvent.Version <= recent.Last().Version)
        {
            throw new InvalidOperationException($"Event versions of {Topic} must increase.");
        }
        recent.Enqueue(liveEvent);
        while (recent.Count > capacity)
        {
            recent.Dequeue();
        }
    }

    /// <param name="sinceVersion">The last version the client saw; null when it has seen nothing.</param>
    /// <param name="currentVersion">The source's current version.</param>
    /// <param name="snapshot">Makes the snapshot event, only when one is needed.</param>
    public CatchUp CatchUp(long? sinceVersion, long currentVersion, Func<LiveEvent> snapshot)
    {
        if (sinceVersion == currentVersion)
        {
            return new CatchUp(Topic, currentVersion, []);
        }
        if (sinceVersion is { } since && Holds(since, currentVersion))
        {
            return new CatchUp(Topic, currentVersion, recent.Where(e => e.Version > since).ToArray());
        }
        return new CatchUp(Topic, currentVersion, [snapshot()]);
    }

    /// <summary>Whether the events after <paramref name="sinceVersion"/> up to <paramref name="currentVersion"/> are all still here.</summary>
    public bool Holds(long sinceVersion, long currentVersion) =>
        sinceVersion < currentVersion && recent.Count > 0
        && recent.Peek().Version <= sinceVersion + 1 && recent.Last().Version == currentVersion;
}
