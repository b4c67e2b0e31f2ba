using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;

namespace Kaolack.Client;

/// <summary>
/// The client side of plan co-editing as a pure state machine (no I/O): the classic OT states
/// synchronized → awaiting ack → awaiting with buffer, for a structured document whose text fields are
/// edited by ot-text-unicode ops and whose scalars are last-writer-wins in server order. Ops are applied and
/// transformed by the server's own rules (<see cref="PlanRules"/>), so both ends compute the same documents.
/// </summary>
/// <remarks>
/// <para>
/// It keeps the server document S at <see cref="Version"/> (every applied op received so far), the op in
/// flight and the buffer of later local edits, both always expressed on top of S. The local document is
/// S with the in-flight op and the buffer applied, which is exactly what the server will hold once they
/// arrive there, so the client never guesses at last-writer-wins or deletes: a local set on a field a
/// remote op also set stays visible until acknowledged (the server will apply it later, so it wins there
/// too), and edits on an entity someone deleted vanish with it.
/// </para>
/// <para>
/// Sides: the server transforms a late op <see cref="Side.Left"/> over the ops applied since its base.
/// So here, when a remote op r arrives, each pending op p (in flight first, then the buffer) becomes
/// Transform(p, r, Left) and r continues as Transform(r, p, Right) to the next pending op; what is left of
/// r is the change the local text sees (for cursors). Both ends therefore order same-position inserts
/// the same way: the op the server sequences later goes first.
/// </para>
/// <para>
/// The own op is recognised in the event stream by (client id, seq); it may arrive before or after the
/// submission's answer. The next op leaves only once the own event is applied, so its base version
/// includes the previous op. A dropped op (its entity deleted meanwhile) is discarded with the buffered
/// ops on the same entity, which the server would drop too; until the delete itself arrives the entity
/// is hidden locally.
/// </para>
/// </remarks>
public sealed class PlanClientState(string clientId, long lastSeq = 0)
{
    private readonly List<PlanOp> buffer = [];
    private readonly SortedDictionary<long, PlanChange> early = [];
    private readonly HashSet<string> gone = new(StringComparer.Ordinal);
    private PlanModel? server;
    private InFlightOp? inFlight;

    public string ClientId { get; } = string.IsNullOrEmpty(clientId) ? throw new ArgumentException("A client id is required.", nameof(clientId)) : clientId;

    /// <summary>The seq of the last op put in flight; the next op gets the one after.</summary>
    public long LastSeq { get; private set; } = lastSeq;

    /// <summary>A snapshot was loaded: the document exists and can be edited.</summary>
    public bool IsLoaded => server is not null;

    /// <summary>The server version the state is based on: every applied op up to it has been received.</summary>
    public long Version { get; private set; }

    /// <summary>The server's document at <see cref="Version"/>.</summary>
    public PlanModel ServerDocument => server ?? PlanModel.Empty;

    /// <summary>The local document: the server's with the in-flight op and the buffer applied.</summary>
    public PlanModel Document { get; private set; } = PlanModel.Empty;

    public PlanSyncStatus Status => inFlight is null
        ? PlanSyncStatus.Synchronized
        : buffer.Count == 0 ? PlanSyncStatus.AwaitingAck : PlanSyncStatus.AwaitingWithBuffer;

    /// <summary>The op in flight as it is to be (re)sent now: the same seq, rebased onto <see cref="Version"/>.</summary>
    public PlanSubmission? InFlight => inFlight is null ? null : new PlanSubmission(ClientId, inFlight.Seq, Version, inFlight.Op);

    /// <summary>The version the server answered for the in-flight op, while its event has not arrived yet.</summary>
    public long? InFlightAckedVersion => inFlight?.AckedVersion;

    /// <summary>Local edits waiting for the in-flight op's acknowledgement.</summary>
    public IReadOnlyList<PlanOp> Buffer => buffer;

    /// <summary>Remote ops that arrived while local ops were pending, so both were transformed (a measure of concurrency).</summary>
    public int ConcurrentRemoteOps { get; private set; }

    /// <summary>Pending ops found not to fit the document they apply to (skipped locally; the server refuses them). Zero unless a snapshot rebase went wrong.</summary>
    public int UnfittingOps { get; private set; }

    /// <summary>Events received ahead of a missing version, held until the gap is filled.</summary>
    public bool HasGap => early.Count > 0;

    /// <summary>The first version the state is waiting for when it <see cref="HasGap"/>.</summary>
    public long NextVersion => Version + 1;

    /// <summary>
    /// Replaces the server document by a snapshot. The first one loads the document. A later one skips
    /// versions, so the pending ops are rebased onto it: an in-flight op the server acknowledged at or below
    /// the snapshot's version is part of it and done; the remaining text edits are transformed over the
    /// difference between the text they were made on and the snapshot's (scalar and structural edits do
    /// not depend on the skipped ops).
    /// </summary>
    public PlanUpdate Load(PlanSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (server is not null && snapshot.Version <= Version)
        {
            return PlanUpdate.None;
        }
        var fresh = PlanModel.From(snapshot.Document);
        List<PlanAcknowledgement> acknowledged = [];
        if (server is not null && inFlight is not null)
        {
            var basis = WithoutGone(ServerDocument);
            if (inFlight.AckedVersion is { } acked && acked <= snapshot.Version)
            {
                acknowledged.Add(new PlanAcknowledgement(InFlight!, new PlanAck(acked, null)));
                basis = ApplyFitting(basis, inFlight.Op);
                inFlight = null;
            }
            Rebase(basis, fresh);
        }
        server = fresh;
        Version = snapshot.Version;
        gone.Clear();
        PromoteIfIdle();
        Document = Recompute();
        var update = new PlanUpdate { Reloaded = true, DocumentChanged = true, Acknowledged = acknowledged };
        return update.Then(DrainEarly());
    }

    /// <summary>
    /// Replaces the server document by a snapshot of an older version than <see cref="Version"/>: the server's store lost
    /// ops this client had received. Only for a snapshot the server answered for its plan as stored (a catch-up whose
    /// version is below ours), never for one pushed to everyone, which may simply be late. Pending edits are rebased onto
    /// it and sent again, the in-flight op too even if it was acknowledged (the acknowledgement was lost with it); what this
    /// client had where the snapshot differs is returned in <see cref="PlanUpdate.Recovered"/>, to be offered to the user.
    /// </summary>
    public PlanUpdate LoadBehind(PlanSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (server is null || snapshot.Version >= Version)
        {
            return Load(snapshot);
        }
        var fresh = PlanModel.From(snapshot.Document);
        var recovered = Differences(ServerDocument, fresh);
        if (inFlight is not null)
        {
            inFlight.AckedVersion = null;
        }
        Rebase(WithoutGone(ServerDocument), fresh);
        server = fresh;
        Version = snapshot.Version;
        gone.Clear();
        early.Clear();
        PromoteIfIdle();
        Document = Recompute();
        return new PlanUpdate { Reloaded = true, ServerBehind = true, DocumentChanged = true, Recovered = recovered };
    }

    /// <summary>A local edit: applied to the local document at once and queued (in flight when nothing else is).</summary>
    /// <exception cref="InvalidOperationException">No snapshot was loaded yet.</exception>
    /// <exception cref="ArgumentException">The op does not fit the local document (missing entity, wrong field, text op of the
    /// wrong length, a text or a kind grown past the plan's limits).</exception>
    public PlanUpdate Edit(PlanOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (server is null)
        {
            throw new InvalidOperationException("Load a snapshot before editing.");
        }
        CheckShape(op);
        PlanModel next;
        string? dropped;
        try
        {
            (next, dropped) = PlanRules.Apply(Document, op);
        }
        catch (DomainException exception)
        {
            throw new ArgumentException($"The edit does not fit {op.Kind} {op.Id} {op.Field}: {Describe(exception)}", nameof(op), exception);
        }
        if (dropped is not null)
        {
            throw new ArgumentException($"The edit does not apply to the local document ({dropped}): {op.Type} {op.Kind} {op.Id}.", nameof(op));
        }
        if (op.Type == PlanOpType.Text && op.Text!.IsNoop)
        {
            return PlanUpdate.None;
        }
        Document = next;
        if (inFlight is null)
        {
            inFlight = new InFlightOp(++LastSeq, op);
        }
        else if (buffer.Count > 0 && TryCompose(buffer[^1], op) is { } composed)
        {
            buffer[^1] = composed;
        }
        else
        {
            buffer.Add(op);
        }
        return new PlanUpdate { Effects = [op], DocumentChanged = true };
    }

    /// <summary>
    /// An applied op from the server's event stream. Versions already seen are ignored; one ahead of a
    /// missing version is held until the gap is filled (see <see cref="HasGap"/>). The own in-flight op
    /// (same client id and seq) acknowledges it; any other is transformed against the pending ops.
    /// </summary>
    public PlanUpdate Receive(PlanChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (server is not null && change.Version <= Version)
        {
            return PlanUpdate.None;
        }
        if (server is null || change.Version > Version + 1)
        {
            early[change.Version] = change;
            return PlanUpdate.None;
        }
        return Apply(change).Then(DrainEarly());
    }

    /// <summary>
    /// The answer to a submission. An applied op waits for its own event (which brings the versions before
    /// it) unless that was already seen; a dropped one is discarded with the buffered ops on its entity.
    /// Answers for anything but the op in flight are stale and ignored.
    /// </summary>
    public PlanUpdate Acknowledge(long seq, PlanAck ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (inFlight is null || inFlight.Seq != seq)
        {
            return PlanUpdate.None;
        }
        if (ack.Version is { } version)
        {
            if (version > Version)
            {
                inFlight.AckedVersion = version;
                return PlanUpdate.None;
            }
            // Already part of the server document (a snapshot covered it): done.
            var submission = InFlight!;
            inFlight = null;
            PromoteIfIdle();
            Document = Recompute();
            return new PlanUpdate { Acknowledged = [new PlanAcknowledgement(submission, ack)], DocumentChanged = true };
        }
        return Discard(ack, ack.Reason ?? PlanDropReasons.EntityMissing, entityGone: ack.Reason == PlanDropReasons.EntityDeleted);
    }

    /// <summary>The server refused the in-flight op (invalid for it): discarded like a dropped op.</summary>
    public PlanUpdate Reject(long seq, string reason)
    {
        if (inFlight is null || inFlight.Seq != seq)
        {
            return PlanUpdate.None;
        }
        var why = $"{PlanDropReasons.Rejected}: {reason}";
        return Discard(new PlanAck(null, why), why, entityGone: false);
    }

    /// <summary>Where a cursor in a text field of the server document (at <see cref="Version"/>) is in the local one.</summary>
    public int ServerToLocalCursor(PlanEntityKind kind, string id, string field, int cursor)
    {
        foreach (var op in Pending())
        {
            if (op.Type == PlanOpType.Text && op.Kind == kind && op.Id == id && op.Field == field)
            {
                cursor = TextOt.TransformCursor(cursor, op.Text!);
            }
        }
        return cursor;
    }

    /// <summary>
    /// Where a cursor of the local text is in the server document at <see cref="Version"/>: taken back through the
    /// pending ops, newest first. A cursor inside (or right after) text inserted locally goes to where that insert
    /// will land; once the server applies the op it moves the author's cursor to the op's end, as the local one is.
    /// </summary>
    public int LocalToServerCursor(PlanEntityKind kind, string id, string field, int cursor)
    {
        foreach (var op in Pending().Reverse())
        {
            if (op.Type == PlanOpType.Text && op.Kind == kind && op.Id == id && op.Field == field)
            {
                cursor = CursorBefore(cursor, op.Text!);
            }
        }
        return cursor;
    }

    /// <summary>The position in an op's input text of position <paramref name="cursor"/> of its output.</summary>
    internal static int CursorBefore(int cursor, TextOp op)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cursor);
        var input = 0;
        var output = 0;
        foreach (var c in op.Components)
        {
            switch (c.Kind)
            {
                case TextOpComponentKind.Retain:
                    if (cursor <= output + c.Length)
                    {
                        return input + cursor - output;
                    }
                    input += c.Length;
                    output += c.Length;
                    break;
                case TextOpComponentKind.Insert:
                    if (cursor <= output + c.Length)
                    {
                        return input;
                    }
                    output += c.Length;
                    break;
                default:
                    input += c.Length;
                    break;
            }
        }
        return input + cursor - output;
    }

    /// <summary>Where a cursor in a text field moves when <paramref name="effect"/> (one of <see cref="PlanUpdate.Effects"/>) changes that field.</summary>
    public static int TransformCursor(PlanEntityKind kind, string id, string field, int cursor, PlanOp effect, bool isOwnOp = false)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return effect.Type == PlanOpType.Text && effect.Kind == kind && effect.Id == id && effect.Field == field
            ? TextOt.TransformCursor(cursor, effect.Text!, isOwnOp)
            : cursor;
    }

    private PlanUpdate Apply(PlanChange change)
    {
        var key = PlanModel.Key(change.Op);
        PlanModel nextServer;
        string? dropped;
        try
        {
            (nextServer, dropped) = PlanRules.Apply(server!, change.Op);
        }
        catch (DomainException exception)
        {
            throw Diverged(change, Describe(exception), exception);
        }
        server = dropped is null ? nextServer : throw Diverged(change, dropped);
        Version = change.Version;
        if (!server.Contains(key))
        {
            gone.Remove(key);
        }

        if (inFlight is not null && change.ClientId == ClientId && change.Seq == inFlight.Seq)
        {
            var submission = new PlanSubmission(ClientId, inFlight.Seq, change.Version - 1, change.Op);
            inFlight = null;
            PromoteIfIdle();
            Document = Recompute();
            return new PlanUpdate
            {
                Acknowledged = [new PlanAcknowledgement(submission, new PlanAck(change.Version, null))],
                DocumentChanged = true,
            };
        }

        var remote = change.Op;
        var masked = false;
        if (inFlight is not null)
        {
            ConcurrentRemoteOps++;
        }
        if (inFlight is not null)
        {
            masked |= Masks(inFlight.Op, remote);
            var mine = inFlight.Op;
            inFlight.Op = PlanRules.Transform(mine, remote, Side.Left);
            remote = PlanRules.Transform(remote, mine, Side.Right);
        }
        for (var i = 0; i < buffer.Count; i++)
        {
            masked |= Masks(buffer[i], remote);
            var mine = buffer[i];
            buffer[i] = PlanRules.Transform(mine, remote, Side.Left);
            remote = PlanRules.Transform(remote, mine, Side.Right);
        }
        List<(PlanOp, string)> discarded = [];
        if (change.Op.Type == PlanOpType.Delete)
        {
            // The server will drop these: nothing depends on them but ops on the same entity.
            discarded.AddRange(buffer.Where(op => PlanModel.Key(op) == key).Select(op => (op, PlanDropReasons.EntityDeleted)));
            buffer.RemoveAll(op => PlanModel.Key(op) == key);
        }
        Document = Recompute();
        return new PlanUpdate
        {
            Effects = masked || gone.Contains(key) ? [] : [remote],
            Discarded = discarded,
            DocumentChanged = true,
        };
    }

    private PlanUpdate Discard(PlanAck ack, string reason, bool entityGone)
    {
        var submission = InFlight!;
        var key = PlanModel.Key(submission.Op);
        List<(PlanOp, string)> discarded = [(submission.Op, reason)];
        discarded.AddRange(buffer.Where(op => PlanModel.Key(op) == key).Select(op => (op, reason)));
        buffer.RemoveAll(op => PlanModel.Key(op) == key);
        if (entityGone && ServerDocument.Contains(key))
        {
            gone.Add(key);
        }
        inFlight = null;
        PromoteIfIdle();
        Document = Recompute();
        return new PlanUpdate
        {
            Acknowledged = [new PlanAcknowledgement(submission, ack)],
            Discarded = discarded,
            DocumentChanged = true,
        };
    }

    private PlanUpdate DrainEarly()
    {
        var update = PlanUpdate.None;
        while (early.Count > 0)
        {
            var (first, change) = early.First();
            if (first > Version + 1)
            {
                break;
            }
            early.Remove(first);
            if (first == Version + 1)
            {
                update = update.Then(Apply(change));
            }
        }
        return update;
    }

    private void PromoteIfIdle()
    {
        if (inFlight is null && buffer.Count > 0)
        {
            inFlight = new InFlightOp(++LastSeq, buffer[0]);
            buffer.RemoveAt(0);
        }
    }

    private IEnumerable<PlanOp> Pending()
    {
        if (inFlight is not null)
        {
            yield return inFlight.Op;
        }
        foreach (var op in buffer)
        {
            yield return op;
        }
    }

    /// <summary>
    /// The server document, minus entities known to be deleted there, with the pending ops applied in order.
    /// A pending text op that no longer fits (only after a snapshot rebase went wrong) is skipped and counted:
    /// the server refuses it too, and the refusal discards it.
    /// </summary>
    private PlanModel Recompute()
    {
        var document = WithoutGone(ServerDocument);
        foreach (var op in Pending())
        {
            document = ApplyFitting(document, op);
        }
        return document;
    }

    private PlanModel WithoutGone(PlanModel document) =>
        gone.Count == 0 ? document : document with { Entities = document.Entities.RemoveRange(gone) };

    private PlanModel ApplyFitting(PlanModel document, PlanOp op)
    {
        try
        {
            var (next, dropped) = PlanRules.Apply(document, op);
            return dropped is null ? next : document;
        }
        catch (DomainException)
        {
            UnfittingOps++;
            return document;
        }
    }

    /// <summary>Transforms the pending text ops over the change from <paramref name="basis"/> (what they were made on) to <paramref name="fresh"/>.</summary>
    private void Rebase(PlanModel basis, PlanModel fresh)
    {
        var changes = new Dictionary<(string Key, string Field), PlanOp>();
        PlanOp Rebased(PlanOp mine)
        {
            var at = (PlanModel.Key(mine), mine.Field ?? "");
            if (!changes.TryGetValue(at, out var change))
            {
                if (mine.Type != PlanOpType.Text || basis.Find(mine.Kind, mine.Id) is null || fresh.Find(mine.Kind, mine.Id) is null)
                {
                    return mine;
                }
                var diff = TextDiff.Between(basis.Text(mine.Kind, mine.Id, at.Item2), fresh.Text(mine.Kind, mine.Id, at.Item2));
                change = mine with { Text = diff };
            }
            changes[at] = PlanRules.Transform(change, mine, Side.Right);
            return PlanRules.Transform(mine, change, Side.Left);
        }
        if (inFlight is not null)
        {
            // When acknowledged above the snapshot's version, its own event is still to come: it is not resent.
            inFlight.Op = Rebased(inFlight.Op);
        }
        for (var i = 0; i < buffer.Count; i++)
        {
            buffer[i] = Rebased(buffer[i]);
        }
    }

    /// <summary>Every field of <paramref name="had"/> whose value <paramref name="now"/> lacks or holds otherwise, in document order.</summary>
    private static List<RecoveredText> Differences(PlanModel had, PlanModel now) =>
        [.. Enum.GetValues<PlanEntityKind>().SelectMany(had.Ordered).SelectMany(entity => entity.Fields
            .Where(field => field.Value.Length > 0 && now.Find(entity.Kind, entity.Id)?.Fields.GetValueOrDefault(field.Key) != field.Value)
            .OrderBy(field => field.Key, StringComparer.Ordinal)
            .Select(field => new RecoveredText(entity.Kind, entity.Id, field.Key, field.Value)))];

    /// <summary>A pending op that hides the remote op's effect locally: it will be applied after it on the server.</summary>
    private static bool Masks(PlanOp mine, PlanOp remote) =>
        mine.Kind == remote.Kind && mine.Id == remote.Id && (mine.Type, remote.Type) switch
        {
            (PlanOpType.Delete, _) => true,
            (PlanOpType.Set, PlanOpType.Set) => mine.Field == remote.Field,
            (PlanOpType.Move, PlanOpType.Move) => true,
            _ => false,
        };

    private static InvalidOperationException Diverged(PlanChange change, string why, Exception? inner = null) =>
        new($"Server op v{change.Version} does not apply to the client's copy ({why}): the client has diverged.", inner);

    /// <summary>A refusal's message with its field errors, which say what did not fit.</summary>
    private static string Describe(DomainException exception) => exception is ValidationFailedException invalid
        ? string.Join("; ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
        : exception.Message;

    private static PlanOp? TryCompose(PlanOp previous, PlanOp next)
    {
        if (previous.Kind != next.Kind || previous.Id != next.Id || previous.Type != next.Type)
        {
            return null;
        }
        return next.Type switch
        {
            PlanOpType.Text when previous.Field == next.Field => previous with { Text = TextOt.Compose(previous.Text!, next.Text!) },
            PlanOpType.Set when previous.Field == next.Field => next,
            PlanOpType.Move => next,
            _ => null,
        };
    }

    private static void CheckShape(PlanOp op)
    {
        switch (op.Type)
        {
            case PlanOpType.Add or PlanOpType.Move when string.IsNullOrEmpty(op.Order):
                throw new ArgumentException("An add or move needs an order key.", nameof(op));
            case PlanOpType.Set when op.Field is null || !PlanFields.Scalars(op.Kind).Contains(op.Field):
                throw new ArgumentException($"'{op.Field}' is not a scalar field of a {op.Kind}.", nameof(op));
            case PlanOpType.Text when op.Field is null || !PlanFields.Texts(op.Kind).Contains(op.Field) || op.Text is null:
                throw new ArgumentException($"A text edit needs a text field of a {op.Kind} and a text op.", nameof(op));
        }
    }

    private sealed class InFlightOp(long seq, PlanOp op)
    {
        public long Seq { get; } = seq;

        public PlanOp Op { get; set; } = op;

        public long? AckedVersion { get; set; }
    }
}
