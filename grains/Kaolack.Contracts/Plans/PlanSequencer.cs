using Kaolack.Contracts.Errors;

namespace Kaolack.Contracts.Plans;

/// <summary>
/// One plan's sequencing as pure code: the model at <see cref="Version"/>, the window of the last ops applied (to
/// transform late ops over), and the last submission of each client session (to answer a resubmission without
/// applying it twice). The plan grain runs it between its storage calls; simulations run the very same code.
/// Nothing here is durable: the caller stores each change before it answers with the outcome's ack.
/// </summary>
public sealed class PlanSequencer
{
    /// <summary>Ops kept for transforming late ops: a submission based on an older version is told to resync.</summary>
    public const int DefaultWindow = 2000;

    /// <summary>Client sessions remembered for idempotent resubmission (the least recently seen go first).</summary>
    public const int DefaultClientLimit = 2000;

    private readonly List<PlanChange> window = [];
    private readonly Dictionary<string, PlanClientRecord> clients;
    private readonly int clientLimit;

    public PlanSequencer(
        PlanModel model, long version, IEnumerable<KeyValuePair<string, PlanClientRecord>>? clients = null,
        int windowLimit = DefaultWindow, int clientLimit = DefaultClientLimit)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clientLimit);
        Model = model;
        Size = PlanRules.Size(model);
        Version = version;
        this.clients = new Dictionary<string, PlanClientRecord>(clients ?? [], StringComparer.Ordinal);
        WindowLimit = windowLimit;
        this.clientLimit = clientLimit;
    }

    public PlanModel Model { get; private set; }

    /// <summary>The model's size as <see cref="PlanRules.MaxDocumentSize"/> counts it.</summary>
    public long Size { get; private set; }

    public long Version { get; private set; }

    /// <summary>The most ops <see cref="Window"/> keeps.</summary>
    public int WindowLimit { get; }

    /// <summary>The last ops applied, oldest first, ending at <see cref="Version"/> without a gap.</summary>
    public IReadOnlyList<PlanChange> Window => window;

    public IReadOnlyDictionary<string, PlanClientRecord> Clients => clients;

    /// <summary>
    /// Transforms the op over the window's ops after its base version and applies it; or drops it (its entity was deleted
    /// meanwhile: answered, remembered, nothing applied); or answers a resubmission as the first time.
    /// </summary>
    /// <exception cref="ValidationFailedException">A seq older than the session's last ("seq"), or an op that does not fit the document.</exception>
    /// <exception cref="RuleViolationException">"resync": the base version is older than the window; "ahead-of-server": the base
    /// version is ahead of the plan (the store lost ops the client had seen); "plan-entity-limit"; "plan-size-limit".</exception>
    public PlanOutcome Sequence(PlanSubmission submission, string userId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (clients.TryGetValue(submission.ClientId, out var previous) && submission.Seq <= previous.Seq)
        {
            return submission.Seq < previous.Seq
                ? throw new ValidationFailedException("seq", $"Opération {submission.Seq} déjà traitée (dernière : {previous.Seq}).")
                : new PlanOutcome(previous.Ack, null);
        }
        if (submission.BaseVersion > Version)
        {
            throw new RuleViolationException(ErrorCodes.AheadOfServerRule,
                $"Le plan enregistré est à la version {Version}, mais vous aviez reçu la version {submission.BaseVersion} : des modifications ont été perdues par le stockage. Rechargez le plan et retapez ce qui manque.");
        }
        var oldestHeld = window.Count == 0 ? Version + 1 : window[0].Version;
        if (submission.BaseVersion < oldestHeld - 1)
        {
            throw new RuleViolationException(ErrorCodes.ResyncRule, "Trop de modifications depuis votre version : rechargez le plan (abonnement sans version) puis réessayez.");
        }
        var op = submission.Op;
        for (var i = window.Count - (int)(Version - submission.BaseVersion); i < window.Count; i++)
        {
            op = PlanRules.Transform(op, window[i].Op);
        }
        var (next, dropped) = PlanRules.Apply(Model, op);
        PlanRules.RequireRoom(Size, PlanRules.SizeChange(Model, next, op));
        if (dropped is not null)
        {
            var droppedAck = new PlanAck(null, dropped);
            Remember(submission.ClientId, new PlanClientRecord(submission.Seq, droppedAck, at));
            return new PlanOutcome(droppedAck, null);
        }
        var change = new PlanChange(Version + 1, submission.ClientId, submission.Seq, userId, op, at);
        Commit(next, change);
        return new PlanOutcome(new PlanAck(change.Version, null), change);
    }

    /// <summary>
    /// Applies ops made on the current document (no transform) as one client session <paramref name="clientId"/>, all or
    /// none: they go through a scratch model first, so an op the rules refuse leaves the plan unchanged. Ops the rules
    /// drop are left out. Returns the changes, in order.
    /// </summary>
    public IReadOnlyList<PlanChange> SequenceAll(string clientId, IEnumerable<PlanOp> ops, string userId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ops);
        var kept = new List<PlanOp>();
        var scratch = Model;
        var size = Size;
        foreach (var op in ops)
        {
            var (next, dropped) = PlanRules.Apply(scratch, op);
            if (dropped is null)
            {
                var growth = PlanRules.SizeChange(scratch, next, op);
                PlanRules.RequireRoom(size, growth);
                kept.Add(op);
                (scratch, size) = (next, size + growth);
            }
        }
        return [.. kept.Select((op, i) => Sequence(new PlanSubmission(clientId, i + 1, Version, op), userId, at).Change!)];
    }

    /// <summary>
    /// Takes back the changes of the log, in version order, on top of the model this sequencer was made with: those up to
    /// <see cref="Version"/> only fill the window (the model holds them already); each later one must be the next version
    /// and apply, and is applied with its session remembered. The window then keeps the last run without a gap.
    /// </summary>
    /// <exception cref="InvalidDataException">The log jumps a version, or a logged op no longer applies.</exception>
    public void Restore(IEnumerable<PlanChange> logged)
    {
        ArgumentNullException.ThrowIfNull(logged);
        foreach (var change in logged)
        {
            if (change.Version <= Version)
            {
                window.Add(change);
                continue;
            }
            if (change.Version != Version + 1)
            {
                throw new InvalidDataException($"The log jumps from v{Version} to v{change.Version}.");
            }
            string? dropped;
            PlanModel next;
            try
            {
                (next, dropped) = PlanRules.Apply(Model, change.Op);
            }
            catch (DomainException exception)
            {
                throw new InvalidDataException($"Logged v{change.Version} does not apply: {exception.Message}", exception);
            }
            if (dropped is not null)
            {
                throw new InvalidDataException($"Logged v{change.Version} does not apply ({dropped}).");
            }
            Commit(next, change);
        }
        if (window.Count > WindowLimit)
        {
            window.RemoveRange(0, window.Count - WindowLimit);
        }
        // A lost segment leaves only what follows it: the window starts after the last gap.
        var contiguousFrom = window.Count;
        while (contiguousFrom > 0 && window[contiguousFrom - 1].Version == (contiguousFrom == window.Count ? Version : window[contiguousFrom].Version - 1))
        {
            contiguousFrom--;
        }
        window.RemoveRange(0, contiguousFrom);
    }

    /// <summary>
    /// The sessions whose last answer is an op applied at or before <paramref name="version"/>: what a snapshot of that
    /// version may keep. Drops are not in the log, so a dropped op resubmitted after a restart is judged again (and dropped
    /// again: ids are never reused).
    /// </summary>
    public Dictionary<string, PlanClientRecord> ClientsUpTo(long version) =>
        clients.Where(c => c.Value.Ack.Version is { } applied && applied <= version).ToDictionary(StringComparer.Ordinal);

    private void Commit(PlanModel next, PlanChange change)
    {
        Size += PlanRules.SizeChange(Model, next, change.Op);
        Model = next;
        Version = change.Version;
        window.Add(change);
        if (window.Count > WindowLimit)
        {
            window.RemoveAt(0);
        }
        Remember(change.ClientId, new PlanClientRecord(change.Seq, new PlanAck(change.Version, null), change.At));
    }

    private void Remember(string clientId, PlanClientRecord record)
    {
        clients[clientId] = record;
        if (clients.Count > clientLimit)
        {
            foreach (var stale in clients.OrderBy(c => c.Value.At).Take(clients.Count - clientLimit).Select(c => c.Key).ToList())
            {
                clients.Remove(stale);
            }
        }
    }
}
