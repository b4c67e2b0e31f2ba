using System.Diagnostics;
using System.Text.Json;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Wire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Client;

/// <summary>
/// A live plan over the Kaolack hub: subscribes to "plan:{key}" (catch-up from the last version seen, or a snapshot),
/// sends one op at a time as (client id, seq, base version), applies every event, and survives reconnects: after one it
/// catches up, then resends the op that was in flight with the same seq (the server answers a duplicate without applying
/// it twice), then the buffer. Edits made offline are queued.
/// </summary>
/// <remarks>
/// The parts: the state machine and what they share (<see cref="PlanClientCore"/>, behind one lock), the subscription and
/// catch-up (<see cref="PlanSubscription"/>), the sending of the op in flight (<see cref="PlanSender"/>) and presence
/// (<see cref="PlanPresenceClient"/>). SignalR callbacks, the sender and callers of <see cref="Edit(PlanOp)"/> may run on
/// any thread; <see cref="Updated"/> is raised outside the lock.
/// </remarks>
public sealed class PlanClient : IAsyncDisposable
{
    /// <summary>The hub method target of live events (case-sensitive for the .NET client).</summary>
    public const string EventTarget = "Event";

    private readonly HubConnection connection;
    private readonly PlanClientCore core;
    private readonly PlanSender sender;
    private readonly PlanSubscription subscription;
    private readonly PlanPresenceClient presence;
    private readonly IDisposable eventHandler;

    /// <param name="connection">A hub connection whose JSON protocol is configured like the server's (<see cref="WireJson.Configure"/>,
    /// or <see cref="CreateConnection"/>); started by <see cref="ConnectAsync"/> when it is not. The client owns it and disposes it.</param>
    /// <param name="planKey">The plan document: a project's slug, or a workshop's notes (<see cref="PlanKey"/>).</param>
    /// <param name="clientId">This editing session's id (random by default); with the seq it makes resubmission idempotent.</param>
    public PlanClient(HubConnection connection, string planKey, string? clientId = null, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(planKey);
        this.connection = connection;
        ProjectSlug = planKey;
        core = new PlanClientCore(clientId ?? $"c-{Guid.NewGuid():N}"[..18], Topic, json ?? WireJson.Options,
            update => Updated?.Invoke(this, new PlanUpdateEventArgs(update)));
        sender = new PlanSender(core, connection, planKey);
        subscription = new PlanSubscription(core, connection, planKey, sender);
        presence = new PlanPresenceClient(core, connection, planKey, $"presence:{planKey}");
        presence.Changed += (_, e) => PresenceChanged?.Invoke(this, e);
        eventHandler = connection.On<LiveEvent>(EventTarget, OnEvent);
        connection.Reconnecting += OnReconnecting;
        connection.Reconnected += OnReconnected;
        connection.Closed += OnClosed;
    }

    /// <summary>Raised after every change of the local document or of an op's fate (outside the client's lock, on the thread that made it).</summary>
    public event EventHandler<PlanUpdateEventArgs>? Updated;

    /// <summary>Raised when someone else's presence in the plan changes (outside the client's lock).</summary>
    public event EventHandler? PresenceChanged;

    /// <summary>The plan document's key (a project's slug, or a workshop's notes).</summary>
    public string ProjectSlug { get; }

    public string Topic => $"plan:{ProjectSlug}";

    /// <summary>The live topic of who is in the plan ("presence:{key}").</summary>
    public string PresenceTopic => presence.Topic;

    /// <summary>
    /// The other clients in the plan (after <see cref="WatchPresenceAsync"/>), their text cursors moved into the local
    /// document: the server keeps them on its version, and the local edits not yet acknowledged move them as they move text.
    /// </summary>
    public IReadOnlyList<PresenceEntry> Others => presence.Others;

    public string ClientId => core.State.ClientId;

    public HubConnection Connection => connection;

    /// <summary>The local document: the server's at <see cref="Version"/> plus the local edits not yet acknowledged.</summary>
    public PlanModel Model => Locked(() => core.State.Document);

    public PlanDocument Document => Model.ToDocument();

    /// <summary>The server version the local document is based on.</summary>
    public long Version => Locked(() => core.State.Version);

    public PlanSyncStatus Status => Locked(() => core.State.Status);

    /// <summary>Subscribed and caught up on the current connection.</summary>
    public bool IsOnline => Locked(() => core.Online);

    /// <summary>Why the client stopped (the document no longer matches the server's, or access was refused); null while healthy.</summary>
    public Exception? Fault => Locked(() => core.Fault);

    /// <summary>The op in flight as it would be (re)sent now; null when synchronized.</summary>
    public PlanSubmission? InFlight => Locked(() => core.State.InFlight);

    /// <summary>In-flight ops sent again after a reconnect (with the same seq).</summary>
    public int Resends => sender.Resends;

    /// <summary>In-flight ops sent again after a passing failure ("unavailable": a fail-over, a timeout) or a read-only refusal.</summary>
    public int Retries => sender.Retries;

    /// <summary>The plan refuses edits for now (its log cannot be read on the server): they stay pending and are sent again later.</summary>
    public bool IsReadOnly => Locked(() => core.ReadOnly);

    /// <summary>
    /// Times the server was found behind what this client had received: its store lost acknowledged ops. The client then
    /// starts again from what the server stores, keeps its pending edits, and reports what it had (<see cref="PlanUpdate.Recovered"/>).
    /// </summary>
    public int ServerLosses => Locked(() => core.ServerLosses);

    /// <summary>Remote ops that arrived while local ops were pending (see <see cref="PlanClientState.ConcurrentRemoteOps"/>).</summary>
    public int ConcurrentRemoteOps => Locked(() => core.State.ConcurrentRemoteOps);

    /// <summary>Pending ops found not to fit their document (see <see cref="PlanClientState.UnfittingOps"/>); zero in a healthy session.</summary>
    public int UnfittingOps => Locked(() => core.State.UnfittingOps);

    /// <summary>
    /// A connection configured for the Kaolack hub (<see cref="LiveHubConnection"/>: WebSockets only, the server's JSON shape,
    /// a bearer token), reconnecting for as long as it takes unless <paramref name="automaticReconnect"/> is false.
    /// </summary>
    public static HubConnection CreateConnection(Uri hubUri, Func<Task<string?>>? accessToken = null, bool automaticReconnect = true)
    {
        var builder = LiveHubConnection.Builder(hubUri, accessToken);
        if (automaticReconnect)
        {
            builder.WithEndlessReconnect();
        }
        return builder.Build();
    }

    /// <summary>Starts the connection when it is not, subscribes and catches up; then queued edits are sent.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(core.Disposed, this);
        if (connection.State == HubConnectionState.Disconnected)
        {
            await connection.StartAsync(cancellationToken);
        }
        await subscription.ResubscribeAsync(cancellationToken);
        await presence.RestoreAsync(cancellationToken);
    }

    /// <summary>Receives who else is in the plan from now on (<see cref="Others"/>, <see cref="PresenceChanged"/>), again after each reconnect.</summary>
    public Task WatchPresenceAsync(CancellationToken cancellationToken = default) => presence.WatchAsync(cancellationToken);

    /// <summary>
    /// Shows where this client is (under its <see cref="ClientId"/>, so the server moves the cursor with this client's own
    /// ops): <paramref name="cursor"/> is in the local text and is sent taken back through the pending ops, where the
    /// server's document has it. Send it when the caret moves and as a heartbeat within the server's presence TTL; it is
    /// shown again after a reconnect.
    /// </summary>
    public Task UpdatePresenceAsync(PlanEntityKind? kind, string? entityId, string? field, int? cursor, CancellationToken cancellationToken = default) =>
        presence.ShowAsync(kind, entityId, field, cursor, cancellationToken);

    /// <summary>Leaves the plan's presence at once (closing the plan); the connection stays.</summary>
    public Task LeavePresenceAsync(CancellationToken cancellationToken = default) => presence.LeaveAsync(cancellationToken);

    /// <summary>Stops the connection. Edits keep being applied locally and queued until <see cref="ConnectAsync"/>.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        core.GoOffline();
        await connection.StopAsync(cancellationToken);
    }

    /// <summary>Applies a local edit at once and queues it for the server.</summary>
    /// <exception cref="ArgumentException">The edit does not fit the local document.</exception>
    /// <exception cref="InvalidOperationException">Not loaded yet, or the client is faulted.</exception>
    public PlanUpdate Edit(PlanOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return Edit(_ => op);
    }

    /// <summary>
    /// Makes an edit from the local document as it is now, atomically (no remote op lands in between), as
    /// an editor does when it turns a keystroke at a cursor into an op. Null means nothing to edit.
    /// </summary>
    public PlanUpdate Edit(Func<PlanModel, PlanOp?> makeEdit)
    {
        ArgumentNullException.ThrowIfNull(makeEdit);
        PlanUpdate update;
        lock (core.Gate)
        {
            core.ThrowIfFaulted();
            var op = makeEdit(core.State.Document);
            if (op is null)
            {
                return PlanUpdate.None;
            }
            update = core.State.Edit(op);
        }
        core.Publish(update);
        sender.Kick();
        return update;
    }

    /// <summary>Where a cursor of the server document at <see cref="Version"/> is in the local text.</summary>
    public int ServerToLocalCursor(PlanEntityKind kind, string id, string field, int cursor) =>
        Locked(() => core.State.ServerToLocalCursor(kind, id, field, cursor));

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
            lock (core.Gate)
            {
                core.ThrowIfFaulted();
                if (core.Online && core.State.Status == PlanSyncStatus.Synchronized && !core.State.HasGap && core.State.Version >= minimumVersion)
                {
                    return;
                }
                signal = core.Changed;
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
        if (core.Disposed)
        {
            return;
        }
        lock (core.Gate)
        {
            core.Disposed = true;
        }
        core.GoOffline();
        sender.Stop();
        eventHandler.Dispose();
        connection.Reconnecting -= OnReconnecting;
        connection.Reconnected -= OnReconnected;
        connection.Closed -= OnClosed;
        await connection.DisposeAsync();
        if (sender.Running is { } running)
        {
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (core.Gate)
        {
            return read();
        }
    }

    private string Describe() => Locked(() =>
        $"online={core.Online}, status={core.State.Status}, version={core.State.Version}, gap={core.State.HasGap}, in flight={core.State.InFlight?.Seq}, buffer={core.State.Buffer.Count}, connection={connection.State}");

    private void OnEvent(LiveEvent liveEvent)
    {
        if (liveEvent.Topic == presence.Topic)
        {
            presence.OnEvent(liveEvent);
            return;
        }
        if (liveEvent.Topic != Topic)
        {
            return;
        }
        PlanUpdate update;
        lock (core.Gate)
        {
            if (core.Fault is not null)
            {
                return;
            }
            // A snapshot pushed to everyone may be late; the server says, when asked, whether it went back.
            core.BehindSuspected |= liveEvent.Change == ChangeKind.Snapshot && core.State.IsLoaded && liveEvent.Version < core.State.Version;
            update = core.Apply([liveEvent]);
        }
        core.Publish(update);
        subscription.RepairIfNeeded();
        sender.Kick();
    }

    private Task OnReconnecting(Exception? error)
    {
        core.GoOffline();
        return Task.CompletedTask;
    }

    private async Task OnReconnected(string? connectionId)
    {
        try
        {
            await subscription.ResubscribeAsync(CancellationToken.None);
            await presence.RestoreAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not HubException)
        {
            // The connection dropped again: the next Reconnected event (or ConnectAsync) resubscribes.
        }
        catch (HubException exception)
        {
            core.Stop(exception);
        }
    }

    private Task OnClosed(Exception? error)
    {
        core.GoOffline();
        return Task.CompletedTask;
    }
}
