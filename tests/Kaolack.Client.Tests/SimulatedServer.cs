using Kaolack.Contracts.Plans;

namespace Kaolack.Client.Tests;

/// <summary>
/// The plan grain's sequencing without Orleans or storage: the grain's own <see cref="PlanSequencer"/> (dedup by
/// client id and seq, transform of a late op over the window after its base, apply by the plan rules), with every
/// op durable at once.
/// </summary>
public sealed class SimulatedServer(int logLimit = PlanSequencer.DefaultWindow)
{
    private readonly PlanSequencer sequencer = new(PlanModel.Empty, 0, windowLimit: logLimit);

    public PlanModel Model => sequencer.Model;

    public long Version => sequencer.Version;

    /// <summary>The ops the server still holds for late ops and catch-up (the last <c>logLimit</c>).</summary>
    public IReadOnlyList<PlanChange> Log => sequencer.Window;

    public PlanSnapshot Snapshot() => new(Version, Model.ToDocument());

    /// <summary>The answer and, when applied, the change to broadcast. Throws like the grain (validation, resync).</summary>
    public (PlanAck Ack, PlanChange? Change) Submit(PlanSubmission submission, string userId = "user")
    {
        PlanRules.ValidateSubmission(submission);
        var (ack, change) = sequencer.Sequence(submission, userId, DateTimeOffset.UnixEpoch);
        return (ack, change);
    }

    /// <summary>What a subscription from <paramref name="since"/> returns: the changes after it, or null when a snapshot is needed.</summary>
    public IReadOnlyList<PlanChange>? Since(long since)
    {
        if (since == Version)
        {
            return [];
        }
        return Log.Count > 0 && Log[0].Version <= since + 1 ? [.. Log.Where(c => c.Version > since)] : null;
    }
}
