using Kaolack.Contracts.Plans;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Observability;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Plans;

/// <summary>
/// A plan's group commit (<see cref="GroupCommit{TWritten}"/>): changes sequenced while a log append is under way wait
/// here, and the next append makes durable all that were sequenced before it started; then they go out
/// (<c>onCommitted</c>). A failed append breaks the log for this activation: nothing later is made durable, and the grain
/// reloads from storage (<c>reload</c>), dropping what was never acknowledged.
/// </summary>
internal sealed class PlanCommits
{
    private readonly List<PlanLogRecord> pending = [];
    private readonly GroupCommit<(PlanLogRecord[] Batch, PlanModel Model)> group;

    public PlanCommits(PlanSequencer sequencer, PlanLog log, Func<PlanLogRecord[], Task> onCommitted, Action reload, ILogger logger, string planKey)
    {
        Model = sequencer.Model;
        group = new GroupCommit<(PlanLogRecord[] Batch, PlanModel Model)>($"Plan {planKey}", sequencer.Version, () => sequencer.Version,
            async _ =>
            {
                // Captured before the append: ops sequenced while it is under way go with the next one.
                var (batch, model) = (pending.ToArray(), sequencer.Model);
                pending.Clear();
                await KaolackMetrics.TimeStorage("plan-log-append", () => log.Append(batch));
                KaolackMetrics.OpsCommitted.Add(batch.Length);
                return (batch, model);
            },
            written =>
            {
                Model = written.Model;
                return onCommitted(written.Batch);
            },
            reload, logger);
    }

    /// <summary>The last durable version: what readers, watchers and snapshots may see.</summary>
    public long Version => group.Persisted;

    /// <summary>The plan at <see cref="Version"/>.</summary>
    public PlanModel Model { get; private set; }

    /// <summary>An append failed: the activation must not write anything more.</summary>
    public bool Broken => group.IsBroken;

    /// <summary>Changes the sequencer just applied, to be stored by the next append.</summary>
    public void Add(IEnumerable<PlanChange> changes, string authorName) => pending.AddRange(changes.Select(change => new PlanLogRecord(change, authorName)));

    /// <summary>Waits until <paramref name="target"/> is durable, starting an append when none is under way.</summary>
    public Task UntilDurable(long target) => group.UntilPersisted(target);
}
