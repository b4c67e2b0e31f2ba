using Kaolack.Contracts.Plans;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Plans;

/// <summary>
/// A plan's group commit: changes sequenced while a log append is under way wait in memory, and the next append makes
/// durable all that were sequenced before it started; then they go out (<paramref name="onCommitted"/>). A failed append
/// breaks the log for this activation: nothing later is made durable, and the grain reloads from storage
/// (<paramref name="reload"/>), dropping what was never acknowledged.
/// </summary>
internal sealed class PlanCommits(PlanSequencer sequencer, PlanLog log, Func<PlanLogRecord[], Task> onCommitted, Action reload, ILogger logger, string planKey)
{
    private readonly List<PlanLogRecord> pending = [];
    private Task? flush;

    /// <summary>The last durable version: what readers, watchers and snapshots may see.</summary>
    public long Version { get; private set; } = sequencer.Version;

    /// <summary>The plan at <see cref="Version"/>.</summary>
    public PlanModel Model { get; private set; } = sequencer.Model;

    /// <summary>An append failed: the activation must not write anything more.</summary>
    public bool Broken { get; private set; }

    /// <summary>A change the sequencer just applied, to be stored by the next append.</summary>
    public void Add(PlanChange change, string authorName) => pending.Add(new PlanLogRecord(change, authorName));

    /// <summary>Waits until <paramref name="target"/> is durable, starting an append when none is under way.</summary>
    public async Task UntilDurable(long target)
    {
        if (target > sequencer.Version)
        {
            // Nothing can make an op durable that was never sequenced: fail loudly rather than wait forever.
            throw new InvalidOperationException($"Plan {planKey}: v{target} awaited but the plan is at v{sequencer.Version}.");
        }
        while (Version < target)
        {
            // An append that finished without yielding (its `finally` ran before this assignment) must not be awaited
            // again: it would complete at once, forever, and spin the activation.
            if (flush is not { IsCompleted: false })
            {
                flush = Flush();
            }
            await flush;
        }
    }

    private async Task Flush()
    {
        // Ops sequenced while this append is under way go with the next one.
        var (batch, upTo, model) = (pending.ToArray(), sequencer.Version, sequencer.Model);
        pending.Clear();
        try
        {
            if (Broken)
            {
                throw new InvalidOperationException($"Plan {planKey}: an earlier log append failed; the plan reloads.");
            }
            await log.Append(batch);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Plan {Key}: append of v{From}–v{Version} failed; reloading from storage", planKey, Version + 1, upTo);
            Broken = true;
            reload();
            throw;
        }
        finally
        {
            flush = null;
        }
        (Version, Model) = (upTo, model);
        await onCommitted(batch);
    }
}
