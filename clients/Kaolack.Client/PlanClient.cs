using System.Diagnostics;
using System.Text.Json;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Client;

/// <summary>
/// A live plan over the Kaolack hub: subscribes to "plan:{slug}" (catch-up from the last version seen, or a
/// snapshot), sends one op at a time as (client id, seq, base version), applies every event, and survives
/// reconnects: after one it catches up, then resends the op that was in flight with the same seq (the server
/// answers a duplicate without applying it twice), then the buffer. Edits made offline are queued.
/// </summary>
/// <remarks>
/// All state lives in a <see cref="PlanClientState"/> behind a lock; SignalR callbacks, the sender and
/// callers of <see cref="Edit"/> may run on any thread. <see cref="Updated"/> is raised outside the lock.
/// </remarks>
public sealed class PlanClient : IAsyncDisposable
{
    /// <summary>The hub method target of live events (case-sensitive for the .NET client).</summary>
    public const string EventTarget = "Event";

    /// <summary>Ops one run of the sender sends before it hands over to a fresh run.</summary>
    private const int MaxOpsPerSenderRun = 10_000;

    private readonly HubConnection connection;
    private readonly JsonSerializerOptions json;
    private readonly Lock gate = new();
    private readonly PlanClientState state;
    private readonly IDisposable eventHandler;
    private TaskCompletionSource changed = NewSignal();
    private Task? sender;
    private Task? repair;
    private long epoch;
    private bool online;
    private long sentSeq = -1;
    private long sentEpoch = -1;
    private long resyncedSeq = -1;
    private Exception? fault;
    private bool disposed;
    private bool watchingPresence;
    private long presenceVersion = -1;
    private PresenceEntry[] present = [];
    private (PlanEntityKind? Kind, string? EntityId, string? Field, int? Cursor)? shownPresence;

    /// <param name="connection">A hub connection whose JSON protocol is configured like the server's (<see cref="PlanJson.Configure"/>,
    /// or <see cref="CreateConnection"/>); started by <see cref="ConnectAsync"/> when it is not. The client owns it and disposes it.</param>
    /// <param name="projectSlug">The project whose plan this is.</param>
    /// <param name="clientId">This editing session's id (random by default); with the seq it makes resubmission idempotent.</param>
    public PlanClient(HubConnection connection, string projectSlug, string? clientId = null, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(projectSlug);
        this.connection = connection;
        this.json = json ?? PlanJson.Options;
        ProjectSlug = projectSlug;
        Topic = $"plan:{projectSlug}";
        PresenceTopic = $"presence:{projectSlug}";
        state = new PlanClientState(clientId ?? $"c-{Guid.NewGuid():N}"[..18]);
        eventHandler = connection.On<LiveEvent>(EventTarget, OnEvent);
        connection.Reconnecting += OnReconnecting;
        connection.Reconnected += OnReconnected;
        connection.Closed += OnClosed;
    }

    /// <summary>Raised after every change of the local document or of an op's fate (outside the client's lock, on the thread that made it).</summary>
    public event EventHandler<PlanUpdateEventArgs>? Updated;

    /// <summary>Raised when someone else's presence in the plan changes (outside the client's lock).</summary>
    public event EventHandler? PresenceChanged;

    public string ProjectSlug { get; }

    public string Topic { get; }

    /// <summary>The live topic of who is in the plan ("presence:{slug}").</summary>
    public string PresenceTopic { get; }

    /// <summary>
    /// The other clients in the plan (after <see cref="WatchPresenceAsync"/>), their text cursors moved into the local
    /// document: the server keeps them on its version, and the local edits not yet acknowledged move them as they move text.
    /// </summary>
    public IReadOnlyList<PresenceEntry> Others
    {
        get
        {
            lock (gate)
            {
                return [.. present.Where(e => e.ClientId != ClientId).Select(ToLocal)];
            }
        }
    }

    public string ClientId => state.ClientId;

    public HubConnection Connection => connection;

    /// <summary>The local document: the server's at <see cref="Version"/> plus the local edits not yet acknowledged.</summary>
    public PlanModel Model
    {
        get
        {
            lock (gate)
            {
                return state.Document;
            }
        }
    }

    public PlanDocument Document => Model.ToDocument();

    /// <summary>The server version the local document is based on.</summary>
    public long Version
    {
        get
        {
            lock (gate)
            {
                return state.Version;
            }
        }
    }

    public PlanSyncStatus Status
    {
        get
        {
            lock (gate)
            {
                return state.Status;
            }
        }
    }

    /// <summary>Subscribed and caught up on the current connection.</summary>
    public bool IsOnline
    {
        get
        {
            lock (gate)
            {
                return online;
            }
        }
    }

    /// <summary>Why the client stopped (the document no longer matches the server's, or access was refused); null while healthy.</summary>
    public Exception? Fault
    {
        get
        {
            lock (gate)
            {
                return fault;
            }
        }
    }

    /// <summary>A connection configured for the Kaolack hub: the server's JSON shape, a bearer token, optional automatic reconnect.</summary>
    public static HubConnection CreateConnection(Uri hubUri, Func<Task<string?>>? accessToken = null, bool automaticReconnect = true)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(hubUri, options =>
            {
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = accessToken;
                }
            })
            .AddJsonProtocol(options => PlanJson.Configure(options.PayloadSerializerOptions));
        if (automaticReconnect)
        {
            builder.WithAutomaticReconnect();
        }
        return builder.Build();
    }

    /// <summary>Starts the connection when it is not, subscribes and catches up; then queued edits are sent.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (connection.State == HubConnectionState.Disconnected)
        {
            await connection.StartAsync(cancellationToken);
        }
        await ResubscribeAsync(cancellationToken);
        await RestorePresenceAsync(cancellationToken);
    }

    /// <summary>Receives who else is in the plan from now on (<see cref="Others"/>, <see cref="PresenceChanged"/>), again after each reconnect.</summary>
    public async Task WatchPresenceAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            watchingPresence = true;
        }
        await SubscribePresenceAsync(cancellationToken);
    }

    /// <summary>
    /// Shows where this client is (under its <see cref="ClientId"/>, so the server moves the cursor with this client's own
    /// ops): <paramref name="cursor"/> is in the local text and is sent taken back through the pending ops, where the
    /// server's document has it. Send it when the caret moves and as a heartbeat within the server's presence TTL; it is
    /// shown again after a reconnect.
    /// </summary>
    public async Task UpdatePresenceAsync(PlanEntityKind? kind, string? entityId, string? field, int? cursor, CancellationToken cancellationToken = default)
    {
        PresenceUpdate update;
        lock (gate)
        {
            shownPresence = (kind, entityId, field, cursor);
            update = ToServer(kind, entityId, field, cursor);
        }
        await connection.InvokeAsync("UpdatePresence", ProjectSlug, update, cancellationToken);
    }

    /// <summary>Leaves the plan's presence at once (closing the plan); the connection stays.</summary>
    public async Task LeavePresenceAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            shownPresence = null;
        }
        await connection.InvokeAsync("LeavePresence", ProjectSlug, ClientId, cancellationToken);
    }

    /// <summary>Stops the connection. Edits keep being applied locally and queued until <see cref="ConnectAsync"/>.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        GoOffline();
        await connection.StopAsync(cancellationToken);
    }

    /// <summary>Applies a local edit at once and queues it for the server.</summary>
    /// <exception cref="ArgumentException">The edit does not fit the local document.</exception>
    /// <exception cref="InvalidOperationException">Not loaded yet, or the client is faulted.</exception>
    public PlanUpdate Edit(PlanOp op)
    {
        PlanUpdate update;
        lock (gate)
        {
            ThrowIfFaulted();
            update = state.Edit(op);
        }
        Publish(update);
        Kick();
        return update;
    }

    /// <summary>
    /// Makes an edit from the local document as it is now, atomically (no remote op lands in between), as
    /// an editor does when it turns a keystroke at a cursor into an op. Null means nothing to edit.
    /// </summary>
    public PlanUpdate Edit(Func<PlanModel, PlanOp?> makeEdit)
    {
        ArgumentNullException.ThrowIfNull(makeEdit);
        PlanUpdate update;
        lock (gate)
        {
            ThrowIfFaulted();
            var op = makeEdit(state.Document);
            if (op is null)
            {
                return PlanUpdate.None;
            }
            update = state.Edit(op);
        }
        Publish(update);
        Kick();
        return update;
    }

    /// <summary>The op in flight as it would be (re)sent now; null when synchronized.</summary>
    public PlanSubmission? InFlight
    {
        get
        {
            lock (gate)
            {
                return state.InFlight;
            }
        }
    }

    /// <summary>In-flight ops sent again after a reconnect (with the same seq).</summary>
    public int Resends { get; private set; }

    /// <summary>Remote ops that arrived while local ops were pending (see <see cref="PlanClientState.ConcurrentRemoteOps"/>).</summary>
    public int ConcurrentRemoteOps
    {
        get
        {
            lock (gate)
            {
                return state.ConcurrentRemoteOps;
            }
        }
    }

    /// <summary>Pending text ops found not to fit their text (see <see cref="PlanClientState.UnfittingOps"/>); zero in a healthy session.</summary>
    public int UnfittingOps
    {
        get
        {
            lock (gate)
            {
                return state.UnfittingOps;
            }
        }
    }

    /// <summary>Where a cursor of the server document at <see cref="Version"/> is in the local text.</summary>
    public int ServerToLocalCursor(PlanEntityKind kind, string id, string field, int cursor)
    {
        lock (gate)
        {
            return state.ServerToLocalCursor(kind, id, field, cursor);
        }
    }

    /// <summary>
    /// Waits until the client is online, caught up to at least <paramref name="minimumVersion"/>, without a
    /// gap, and every local edit is acknowledged.
    /// </summary>
    /// <exception cref="TimeoutException">Not synchronized within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is faulted.</exception>
    public async Task WaitUntilSynchronizedAsync(TimeSpan timeout, long minimumVersion = 0, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (gate)
            {
                ThrowIfFaulted();
                if (online && state.Status == PlanSyncStatus.Synchronized && !state.HasGap && state.Version >= minimumVersion)
                {
                    return;
                }
                signal = changed.Task;
            }
            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Plan client {ClientId} not synchronized after {timeout.TotalSeconds:0.#} s: {Describe()}.");
            }
            try
            {
                await signal.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Checked once more at the top, then reported with the state.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        GoOffline();
        eventHandler.Dispose();
        connection.Reconnecting -= OnReconnecting;
        connection.Reconnected -= OnReconnected;
        connection.Closed -= OnClosed;
        await connection.DisposeAsync();
        Task? running;
        lock (gate)
        {
            running = sender;
        }
        if (running is not null)
        {
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private string Describe()
    {
        lock (gate)
        {
            return $"online={online}, status={state.Status}, version={state.Version}, gap={state.HasGap}, in flight={state.InFlight?.Seq}, buffer={state.Buffer.Count}, connection={connection.State}";
        }
    }

    private void OnEvent(LiveEvent liveEvent)
    {
        if (liveEvent.Topic == PresenceTopic)
        {
            OnPresence(liveEvent);
            return;
        }
        if (liveEvent.Topic != Topic)
        {
            return;
        }
        PlanUpdate update;
        lock (gate)
        {
            if (fault is not null)
            {
                return;
            }
            try
            {
                update = liveEvent.Change == ChangeKind.Snapshot ? state.Load(Read<PlanSnapshot>(liveEvent)) : state.Receive(Read<PlanChange>(liveEvent));
            }
            catch (Exception exception) when (exception is InvalidOperationException or JsonException)
            {
                fault = exception;
                update = PlanUpdate.None;
            }
        }
        Publish(update);
        RepairGapIfNeeded();
        Kick();
    }

    private Task OnReconnecting(Exception? error)
    {
        GoOffline();
        return Task.CompletedTask;
    }

    private async Task OnReconnected(string? connectionId)
    {
        try
        {
            await ResubscribeAsync(CancellationToken.None);
            await RestorePresenceAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not HubException)
        {
            // The connection dropped again: the next Reconnected event (or ConnectAsync) resubscribes.
        }
        catch (HubException exception)
        {
            SetFault(exception);
        }
    }

    private Task OnClosed(Exception? error)
    {
        GoOffline();
        return Task.CompletedTask;
    }

    /// <summary>
    /// (Re)subscribes on the current connection and applies what was missed. A snapshot while an op is in
    /// flight first learns that op's fate by resubmitting it from its old base (the answer when the server
    /// has it, a resync refusal when it does not), so the snapshot is rebased on correctly.
    /// </summary>
    private async Task ResubscribeAsync(CancellationToken cancellationToken)
    {
        long myEpoch;
        long? since;
        lock (gate)
        {
            ThrowIfFaulted();
            online = false;
            myEpoch = ++epoch;
            since = state.IsLoaded ? state.Version : null;
        }
        Signal();
        var catchUp = await connection.InvokeAsync<CatchUp>("Subscribe", Topic, since, cancellationToken);
        var snapshot = catchUp.Events.FirstOrDefault(e => e.Change == ChangeKind.Snapshot);
        PlanSubmission? unsure;
        lock (gate)
        {
            unsure = snapshot is not null && state.IsLoaded && state.InFlightAckedVersion is null ? state.InFlight : null;
        }
        var update = PlanUpdate.None;
        if (unsure is not null)
        {
            update = await LearnFate(unsure, cancellationToken);
        }
        lock (gate)
        {
            if (epoch != myEpoch)
            {
                // A newer (re)subscription took over; it applies its own catch-up.
                catchUp = catchUp with { Events = [] };
            }
            try
            {
                foreach (var liveEvent in catchUp.Events)
                {
                    update = update.Then(liveEvent.Change == ChangeKind.Snapshot
                        ? state.Load(Read<PlanSnapshot>(liveEvent))
                        : state.Receive(Read<PlanChange>(liveEvent)));
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or JsonException)
            {
                fault = exception;
            }
            if (epoch == myEpoch)
            {
                online = fault is null;
            }
        }
        Publish(update);
        Signal();
        RepairGapIfNeeded();
        Kick();
    }

    /// <summary>A new connection has no presence: subscribe again when watching, show again what was shown.</summary>
    private async Task RestorePresenceAsync(CancellationToken cancellationToken)
    {
        bool watch;
        PresenceUpdate? show;
        lock (gate)
        {
            watch = watchingPresence;
            show = shownPresence is var (kind, entityId, field, cursor) ? ToServer(kind, entityId, field, cursor) : null;
        }
        if (watch)
        {
            await SubscribePresenceAsync(cancellationToken);
        }
        if (show is not null)
        {
            await connection.InvokeAsync("UpdatePresence", ProjectSlug, show, cancellationToken);
        }
    }

    private async Task SubscribePresenceAsync(CancellationToken cancellationToken)
    {
        var catchUp = await connection.InvokeAsync<CatchUp>("Subscribe", PresenceTopic, null, cancellationToken);
        foreach (var liveEvent in catchUp.Events)
        {
            OnPresence(liveEvent);
        }
    }

    /// <summary>Every presence event is the whole list; versions increase (not one by one), so an older one is ignored.</summary>
    private void OnPresence(LiveEvent liveEvent)
    {
        PresenceList list;
        try
        {
            list = Read<PresenceList>(liveEvent);
        }
        catch (JsonException)
        {
            return;
        }
        lock (gate)
        {
            if (liveEvent.Version <= presenceVersion)
            {
                return;
            }
            presenceVersion = liveEvent.Version;
            present = list.Entries;
        }
        PresenceChanged?.Invoke(this, EventArgs.Empty);
    }

    private PresenceUpdate ToServer(PlanEntityKind? kind, string? entityId, string? field, int? cursor) =>
        new(ClientId, kind, entityId, field,
            cursor is { } local && IsTextField(kind, entityId, field) ? state.LocalToServerCursor(kind!.Value, entityId!, field!, local) : cursor);

    private PresenceEntry ToLocal(PresenceEntry entry) =>
        entry.Cursor is { } cursor && IsTextField(entry.Kind, entry.EntityId, entry.Field)
            ? entry with { Cursor = state.ServerToLocalCursor(entry.Kind!.Value, entry.EntityId!, entry.Field!, cursor) }
            : entry;

    private static bool IsTextField(PlanEntityKind? kind, string? entityId, string? field) =>
        kind is { } k && entityId is not null && field is not null && PlanFields.Texts(k).Contains(field);

    private async Task<PlanUpdate> LearnFate(PlanSubmission submission, CancellationToken cancellationToken)
    {
        try
        {
            var ack = await connection.InvokeAsync<PlanAck>("SubmitPlanOp", ProjectSlug, submission, cancellationToken);
            lock (gate)
            {
                return state.Acknowledge(submission.Seq, ack);
            }
        }
        catch (HubException exception) when (IsResync(exception))
        {
            // Refused for its old base: never applied, so the snapshot rebase keeps it.
            return PlanUpdate.None;
        }
        catch (HubException exception)
        {
            lock (gate)
            {
                return state.Reject(submission.Seq, exception.Message);
            }
        }
    }

    private void RepairGapIfNeeded()
    {
        lock (gate)
        {
            if (!online || repair is not null || !state.HasGap || fault is not null)
            {
                return;
            }
            repair = Task.Run(async () =>
            {
                try
                {
                    await ResubscribeAsync(CancellationToken.None);
                }
                catch (Exception exception) when (exception is not HubException)
                {
                    // Offline again: reconnecting resubscribes.
                }
                catch (HubException exception)
                {
                    SetFault(exception);
                }
                finally
                {
                    lock (gate)
                    {
                        repair = null;
                    }
                }
            });
        }
    }

    private void Kick()
    {
        lock (gate)
        {
            if (sender is not null || !online || fault is not null || disposed)
            {
                return;
            }
            sender = Task.Run(SendAsync);
        }
    }

    /// <summary>Sends the in-flight op once per connection epoch and records the answer, until nothing is left to send now.</summary>
    private async Task SendAsync()
    {
        for (var run = 0; run < MaxOpsPerSenderRun; run++)
        {
            PlanSubmission submission;
            long myEpoch;
            lock (gate)
            {
                var next = state.InFlight;
                if (!online || fault is not null || disposed || next is null || state.InFlightAckedVersion is not null
                    || (sentSeq == next.Seq && sentEpoch == epoch))
                {
                    sender = null;
                    return;
                }
                if (sentSeq == next.Seq)
                {
                    Resends++;
                }
                submission = next;
                myEpoch = epoch;
                sentSeq = next.Seq;
                sentEpoch = epoch;
            }
            var update = PlanUpdate.None;
            var resync = false;
            try
            {
                var ack = await connection.InvokeAsync<PlanAck>("SubmitPlanOp", ProjectSlug, submission);
                lock (gate)
                {
                    update = state.Acknowledge(submission.Seq, ack);
                }
            }
            catch (HubException exception) when (IsResync(exception) && resyncedSeq != submission.Seq)
            {
                // Based on a version the server no longer holds: reload and rebase, then resend (once per op).
                resyncedSeq = submission.Seq;
                resync = true;
            }
            catch (HubException exception)
            {
                lock (gate)
                {
                    update = state.Reject(submission.Seq, exception.Message);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The connection went away: a reconnect resubscribes and resends.
                lock (gate)
                {
                    if (epoch == myEpoch)
                    {
                        online = false;
                    }
                }
            }
            Publish(update);
            Signal();
            if (resync)
            {
                await ReloadAsync(myEpoch);
            }
        }
        lock (gate)
        {
            sender = null;
        }
        Kick();
    }

    /// <summary>Reloads the plan from a snapshot (subscribing without a version), rebasing the pending ops onto it.</summary>
    private async Task ReloadAsync(long myEpoch)
    {
        CatchUp catchUp;
        try
        {
            catchUp = await connection.InvokeAsync<CatchUp>("Subscribe", Topic, null);
        }
        catch (HubException exception)
        {
            SetFault(exception);
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            lock (gate)
            {
                if (epoch == myEpoch)
                {
                    online = false;
                }
            }
            return;
        }
        var update = PlanUpdate.None;
        lock (gate)
        {
            if (epoch != myEpoch)
            {
                // A newer (re)subscription took over; it applies its own catch-up.
                catchUp = catchUp with { Events = [] };
            }
            try
            {
                foreach (var liveEvent in catchUp.Events)
                {
                    update = update.Then(liveEvent.Change == ChangeKind.Snapshot
                        ? state.Load(Read<PlanSnapshot>(liveEvent))
                        : state.Receive(Read<PlanChange>(liveEvent)));
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or JsonException)
            {
                fault = exception;
                online = false;
            }
            // Resend on this connection: the op was not applied (the refusal comes before any duplicate answer).
            sentEpoch = -1;
        }
        Publish(update);
    }

    private T Read<T>(LiveEvent liveEvent)
        where T : class => liveEvent.Data switch
        {
            T typed => typed,
            JsonElement element => element.Deserialize<T>(json) ?? throw new JsonException($"Empty {typeof(T).Name} in {Topic} v{liveEvent.Version}."),
            _ => throw new JsonException($"Unexpected data in {Topic} v{liveEvent.Version}: {liveEvent.Data?.GetType().Name ?? "null"}."),
        };

    /// <summary>"rule-violation: resync: …": the op's base version is older than the server's log.</summary>
    private static bool IsResync(HubException exception) =>
        exception.Message.Contains("rule-violation: resync:", StringComparison.Ordinal);

    private void GoOffline()
    {
        lock (gate)
        {
            online = false;
            epoch++;
        }
        Signal();
    }

    private void SetFault(Exception exception)
    {
        lock (gate)
        {
            fault ??= exception;
            online = false;
        }
        Signal();
    }

    private void ThrowIfFaulted()
    {
        if (fault is not null)
        {
            throw new InvalidOperationException($"Plan client {ClientId} stopped: {fault.Message}", fault);
        }
    }

    private void Publish(PlanUpdate update)
    {
        if (!update.IsEmpty || update.Reloaded)
        {
            Updated?.Invoke(this, new PlanUpdateEventArgs(update));
        }
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            previous = changed;
            changed = NewSignal();
        }
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>What changed in a <see cref="PlanClient"/>.</summary>
public sealed class PlanUpdateEventArgs(PlanUpdate update) : EventArgs
{
    public PlanUpdate Update { get; } = update;
}
