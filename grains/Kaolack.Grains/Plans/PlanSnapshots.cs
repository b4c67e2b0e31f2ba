using Kaolack.Grains.Observability;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Plans;

/// <summary>
/// A plan's snapshot (its grain state): written every so many ops or seconds after a change and on deactivation, one
/// write at a time, in the background of commits (the log already made them durable; a snapshot only shortens replay).
/// Each write stores what <paramref name="durableState"/> makes at that moment.
/// </summary>
internal sealed class PlanSnapshots(
    IPersistentState<PlanState> store, Func<PlanState> durableState, PlanStorageOptions options, TimeProvider clock, ILogger logger, string planKey)
{
    private readonly SemaphoreSlim writing = new(1, 1);
    private DateTimeOffset writtenAt = clock.GetUtcNow();

    /// <summary>The version the stored snapshot holds.</summary>
    public long Version { get; private set; } = store.State.Version;

    /// <summary>After a commit: in the background once enough ops are durable since the stored snapshot (and none is being written).</summary>
    public void AfterCommit(long durableVersion)
    {
        if (durableVersion - Version >= options.SnapshotEveryOps && writing.CurrentCount > 0)
        {
            _ = TryWrite();
        }
    }

    /// <summary>On the timer: when ops are durable after a stored snapshot older than the interval.</summary>
    public Task OnTick(long durableVersion) =>
        durableVersion > Version && clock.GetUtcNow() - writtenAt >= options.SnapshotInterval ? TryWrite() : Task.CompletedTask;

    /// <summary>On deactivation: when ops are durable after the stored snapshot.</summary>
    public Task OnDeactivate(long durableVersion) => durableVersion > Version ? TryWrite() : Task.CompletedTask;

    /// <summary>Stores the durable state once any write under way is done (so it holds all that is durable then).</summary>
    public async Task Write()
    {
        await writing.WaitAsync();
        try
        {
            var next = durableState();
            store.State = next;
            await KaolackMetrics.TimeStorage("plan-snapshot", store.WriteStateAsync);
            Version = next.Version;
            writtenAt = clock.GetUtcNow();
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary><see cref="Write"/>, a failure only logged: the log still holds every op.</summary>
    private async Task TryWrite()
    {
        try
        {
            await Write();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Plan {Key}: snapshot failed; the log still holds every op", planKey);
        }
    }
}
