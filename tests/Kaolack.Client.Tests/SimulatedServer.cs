using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Grains.Plans;

namespace Kaolack.Client.Tests;

/// <summary>
/// The plan grain's sequencing without Orleans or storage: the same dedup by (client id, seq), the same
/// transform of a late op over the log after its base (PlanRules.Transform) and the same apply (PlanRules.Apply).
/// </summary>
public sealed class SimulatedServer(int logLimit = 2000)
{
    private readonly List<PlanChange> log = [];
    private readonly Dictionary<string, (long Seq, PlanAck Ack)> clients = new(StringComparer.Ordinal);

    public PlanModel Model { get; private set; } = PlanModel.Empty;

    public long Version { get; private set; }

    public IReadOnlyList<PlanChange> Log => log;

    public PlanSnapshot Snapshot() => new(Version, Model.ToDocument());

    /// <summary>The answer and, when applied, the change to broadcast. Throws like the grain (validation, resync).</summary>
    public (PlanAck Ack, PlanChange? Change) Submit(PlanSubmission submission, string userId = "user")
    {
        ArgumentNullException.ThrowIfNull(submission);
        PlanRules.Validate(submission.Op);
        if (clients.TryGetValue(submission.ClientId, out var previous) && submission.Seq <= previous.Seq)
        {
            if (submission.Seq < previous.Seq)
            {
                throw new ValidationFailedException("seq", "already processed");
            }
            return (previous.Ack, null);
        }
        if (submission.BaseVersion > Version)
        {
            throw new ValidationFailedException("baseVersion", "unknown version");
        }
        var oldestHeld = log.Count == 0 ? Version + 1 : log[0].Version;
        if (submission.BaseVersion < oldestHeld - 1)
        {
            throw new RuleViolationException("resync", "resync");
        }
        var op = submission.Op;
        foreach (var change in log.Where(c => c.Version > submission.BaseVersion))
        {
            op = PlanRules.Transform(op, change.Op);
        }
        var (next, dropped) = PlanRules.Apply(Model, op);
        if (dropped is not null)
        {
            var droppedAck = new PlanAck(null, dropped);
            clients[submission.ClientId] = (submission.Seq, droppedAck);
            return (droppedAck, null);
        }
        Model = next;
        Version++;
        var applied = new PlanChange(Version, submission.ClientId, submission.Seq, userId, op, DateTimeOffset.UnixEpoch);
        log.Add(applied);
        if (log.Count > logLimit)
        {
            log.RemoveRange(0, log.Count - logLimit);
        }
        var ack = new PlanAck(Version, null);
        clients[submission.ClientId] = (submission.Seq, ack);
        return (ack, applied);
    }

    /// <summary>What a subscription from <paramref name="since"/> returns: the changes after it, or null when a snapshot is needed.</summary>
    public IReadOnlyList<PlanChange>? Since(long since)
    {
        if (since == Version)
        {
            return [];
        }
        return log.Count > 0 && log[0].Version <= since + 1 ? [.. log.Where(c => c.Version > since)] : null;
    }
}
