using Kaolack.Contracts.Plans;

namespace Kaolack.Client;

/// <summary>An op's fate as the server decided it: applied at a version, or dropped with a reason.</summary>
/// <param name="Submission">The submission as last sent (op transformed to its base version).</param>
public sealed record PlanAcknowledgement(PlanSubmission Submission, PlanAck Ack);

/// <summary>A field as this client had it before the server went back to an older version: what the store lost, to offer back.</summary>
/// <param name="Text">The field's value in the document this client had received (the entity may be gone now).</param>
public sealed record RecoveredText(PlanEntityKind Kind, string Id, string Field, string Text);

/// <summary>What one step of <see cref="PlanClientState"/> did to the local document.</summary>
public sealed class PlanUpdate
{
    public static PlanUpdate None { get; } = new();

    /// <summary>
    /// The ops as they changed the local document, in order; a remote text op appears transformed over
    /// the pending local ops, so cursors in the local text move by it (TextOt.TransformCursor).
    /// </summary>
    public IReadOnlyList<PlanOp> Effects { get; init; } = [];

    /// <summary>Local ops whose fate is now known (applied or dropped).</summary>
    public IReadOnlyList<PlanAcknowledgement> Acknowledged { get; init; } = [];

    /// <summary>Local ops that were thrown away (dropped, refused, or lost to a snapshot reload), with why.</summary>
    public IReadOnlyList<(PlanOp Op, string Reason)> Discarded { get; init; } = [];

    /// <summary>The document was replaced by a snapshot: cursors cannot be transformed, only clamped.</summary>
    public bool Reloaded { get; init; }

    /// <summary>
    /// The snapshot was older than what this client had received: the server's store lost acknowledged ops. Pending edits
    /// were kept; <see cref="Recovered"/> holds what the client had where the server now differs.
    /// </summary>
    public bool ServerBehind { get; init; }

    /// <summary>Fields as this client had them before the server went back (see <see cref="ServerBehind"/>), to offer to the user.</summary>
    public IReadOnlyList<RecoveredText> Recovered { get; init; } = [];

    /// <summary>The local document may differ from before.</summary>
    public bool DocumentChanged { get; init; }

    public bool IsEmpty => !DocumentChanged && Effects.Count == 0 && Acknowledged.Count == 0 && Discarded.Count == 0 && Recovered.Count == 0;

    /// <summary>This update followed by <paramref name="next"/>.</summary>
    public PlanUpdate Then(PlanUpdate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.IsEmpty && !next.Reloaded)
        {
            return this;
        }
        if (IsEmpty && !Reloaded)
        {
            return next;
        }
        return new PlanUpdate
        {
            Effects = [.. Effects, .. next.Effects],
            Acknowledged = [.. Acknowledged, .. next.Acknowledged],
            Discarded = [.. Discarded, .. next.Discarded],
            Reloaded = Reloaded || next.Reloaded,
            ServerBehind = ServerBehind || next.ServerBehind,
            Recovered = [.. Recovered, .. next.Recovered],
            DocumentChanged = DocumentChanged || next.DocumentChanged,
        };
    }
}

/// <summary>What changed in a <see cref="PlanClient"/>.</summary>
public sealed class PlanUpdateEventArgs(PlanUpdate update) : EventArgs
{
    public PlanUpdate Update { get; } = update;
}
