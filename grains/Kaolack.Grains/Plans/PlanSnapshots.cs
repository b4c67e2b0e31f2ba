using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Plans;

/// <summary>
/// A plan's snapshot (its grain state): written every so many ops or seconds after a change and on deactivation, one
/// write at a time, in the background of commits (the log already made them durable; a snapshot only shortens replay).
/// </summary>
internal sealed class PlanSnapshots(IPersistentState<PlanState> store, PlanStorageOptions options, TimeProvider clock, ILogger logger, string planKey)
{
    private readonly SemaphoreSlim writing = new(1, 1);
    private DateTimeOffset writtenAt = clock.GetUtcNow();

    /// <summary>The version the stored snapshot holds.</summary>
    public long Version { get; private set; } = store.State.Version;

    /// <summary>Enough durable ops since the stored snapshot, and no write under way.</summary>
    public bool DueByOps(long persistedVersion) => persistedVersion - Version >= options.SnapshotEveryOps && writing.CurrentCount > 0;

    /// <summary>Durable ops after the stored snapshot, which is older than the snapshot interval.</summary>
    public bool DueByTime(long persistedVersion) => persistedVersion > Version && clock.GetUtcNow() - writtenAt >= options.SnapshotInterval;

    /// <summary>Stores the state <paramref name="state"/> makes once any write under way is done (so it holds all that is durable then).</summary>
    public async Task Write(Func<PlanState> state)
    {
        await writing.WaitAsync();
        try
        {
            var next = state();
            store.State = next;
            await store.WriteStateAsync();
            Version = next.Version;
            writtenAt = clock.GetUtcNow();
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary><see cref="Write"/>, a failure only logged: the log still holds every op.</summary>
    public async Task TryWrite(Func<PlanState> state)
    {
        try
        {
            await Write(state);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Plan {Key}: snapshot failed; the log still holds every op", planKey);
        }
    }
}
