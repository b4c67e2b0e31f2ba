using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Live;
using Kaolack.Grains.Observability;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Live;

/// <summary>
/// The one observer of this silo: grains send each change once per silo, and the relay fans it out to
/// the SignalR group of the topic. It watches a grain only while a local connection subscribes to it,
/// re-registers periodically (grain observers expire), and fills any gap in versions from the grain's
/// journal, so a relay that missed a message still delivers every event in order.
/// Deliveries follow each connection's caller as it is now: a changed caller (<see cref="LiveSessions"/>) or a source
/// telling that access changed (<see cref="OnAccessChanged"/>) has the topics checked again, and a connection that may
/// no longer read one leaves it and is told (<see cref="ILiveClient.Revoked"/>).
/// </summary>
/// <remarks>
/// A new activation of a source has no watchers, so the relay watches again as soon as the old one is gone: when the
/// source says its activation ended (deactivation, a silo stopping, a failed write), and, for every topic, when a silo is
/// declared dead (a killed silo tells nothing). A source found behind a version already forwarded lost acknowledged
/// writes: its followers get its stored state as a snapshot and the loss is reported (<see cref="LostWrites"/>).
/// </remarks>
public sealed partial class LiveRelay(
    IGrainFactory grains,
    IHubContext<LiveHub, ILiveClient> hub,
    IClusterMembershipService cluster,
    LostWrites lostWrites,
    IOptions<LiveRelayOptions> options,
    ILogger<LiveRelay> logger) : ILiveObserver, IHostedService, IDisposable
{
    /// <summary>Watching again after an activation ended: at once, then while the source cannot be reached yet (bounded, about 20 s in all).</summary>
    private static readonly TimeSpan[] RewatchDelays = [TimeSpan.Zero, .. new[] { 100, 250, 500, 1000, 2000, 4000, 4000, 4000, 4000 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    /// <summary>Sources asked at once when many topics are watched again (a periodic refresh, a silo declared dead).</summary>
    private const int ParallelWatches = 16;

    private readonly Lock membership = new();
    private readonly Dictionary<string, TopicWatch> topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectionState> connections = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private ILiveObserver? reference;
    private Task? refreshLoop;
    private Task? membershipLoop;

    private ILiveObserver Reference
    {
        get
        {
            lock (membership)
            {
                return reference ??= grains.CreateObjectReference<ILiveObserver>(this);
            }
        }
    }

    public bool CanTrack(string connectionId, Topic topic, int maxTopics)
    {
        lock (membership)
        {
            return !connections.TryGetValue(connectionId, out var connection)
                || connection.Topics.Contains(topic)
                || connection.Topics.Count < maxTopics;
        }
    }

    /// <param name="caller">Who is connected: events that only some may see are sent to them one by one.</param>
    public async Task Track(string connectionId, Topic topic, Caller caller)
    {
        TopicWatch watch;
        lock (membership)
        {
            if (!connections.TryGetValue(connectionId, out var connection))
            {
                connection = new ConnectionState(caller);
                connections[connectionId] = connection;
            }
            connection.Topics.Add(topic);
            var name = topic.ToString();
            if (!topics.TryGetValue(name, out watch!))
            {
                watch = new TopicWatch(topic);
                topics[name] = watch;
            }
            watch.Connections.Add(connectionId);
        }
        await watch.EnsureWatching(this);
    }

    public Task Untrack(string connectionId, Topic topic)
    {
        lock (membership)
        {
            if (connections.TryGetValue(connectionId, out var connection))
            {
                connection.Topics.Remove(topic);
            }
            Release(connectionId, topic);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The connection now acts as <paramref name="caller"/> (a role changed): restricted events are shaped for the new
    /// caller, and each of its topics is checked again, so one it may no longer read stops at once.
    /// </summary>
    public async Task CallerChanged(string connectionId, Caller caller)
    {
        List<TopicWatch> followed = [];
        lock (membership)
        {
            if (!connections.TryGetValue(connectionId, out var connection))
            {
                return;
            }
            connection.Caller = caller;
            followed.AddRange(connection.Topics.Select(t => topics.GetValueOrDefault(t.ToString())).OfType<TopicWatch>());
        }
        foreach (var watch in followed)
        {
            await watch.Recheck(this, [connectionId]);
        }
    }

    /// <summary>A source says who may read it changed: every local follower of the topic is checked again.</summary>
    public async Task OnAccessChanged(string topic)
    {
        TopicWatch? watch;
        lock (membership)
        {
            topics.TryGetValue(topic, out watch);
        }
        if (watch is not null)
        {
            await watch.Recheck(this, Followers(watch));
        }
    }

    /// <summary>The connection's session ended: it leaves every group and topic at once (the connection closes after).</summary>
    public async Task Drop(string connectionId)
    {
        Topic[] followed;
        lock (membership)
        {
            followed = connections.TryGetValue(connectionId, out var connection) ? [.. connection.Topics] : [];
        }
        foreach (var topic in followed)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, topic.ToString());
        }
        await UntrackAll(connectionId);
    }

    public Task UntrackAll(string connectionId)
    {
        lock (membership)
        {
            if (connections.Remove(connectionId, out var connection))
            {
                foreach (var topic in connection.Topics)
                {
                    Release(connectionId, topic);
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Refused when the caller may not read the topic.</summary>
    public Task<CatchUp> CatchUp(Topic topic, long? sinceVersion, Caller caller) => Source(topic).CatchUp(caller, sinceVersion);

    public async Task OnLiveEvent(LiveEvent liveEvent)
    {
        TopicWatch? watch;
        lock (membership)
        {
            topics.TryGetValue(liveEvent.Topic, out watch);
        }
        if (watch is not null)
        {
            await watch.Deliver(this, liveEvent);
        }
    }

    public Task OnSourceDeactivated(string topic)
    {
        TopicWatch? watch;
        lock (membership)
        {
            topics.TryGetValue(topic, out watch);
        }
        if (watch is not null)
        {
            // One-way and off the caller's turn: the next activation answers once the old one is gone.
            _ = watch.Rewatch(this, stopping.Token);
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        refreshLoop = RefreshLoop(stopping.Token);
        membershipLoop = FollowMembership(stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        foreach (var loop in new[] { refreshLoop, membershipLoop }.OfType<Task>())
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => stopping.Dispose();

    // Caller holds the membership lock. The grain keeps sending until its registration expires;
    // events for topics nobody here follows are dropped on arrival.
    private void Release(string connectionId, Topic topic)
    {
        var name = topic.ToString();
        if (topics.TryGetValue(name, out var watch) && watch.Connections.Remove(connectionId) && watch.Connections.Count == 0)
        {
            topics.Remove(name);
        }
    }

    private async Task RefreshLoop(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // In parallel: a source on a silo that stopped answering must not hold up every other topic.
                await Parallel.ForEachAsync(Watched(), new ParallelOptions { MaxDegreeOfParallelism = ParallelWatches, CancellationToken = cancellationToken },
                    async (watch, _) =>
                    {
                        if (await watch.TryRefresh(this) is { } failure)
                        {
                            LogRefreshFailed(failure, watch.Topic.ToString());
                        }
                    });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// A silo declared dead took its activations with it, without telling their watchers: every topic is watched again,
    /// which reaches (and starts) the next activation of those that lived there. The others answer as a refresh would.
    /// </summary>
    private async Task FollowMembership(CancellationToken cancellationToken)
    {
        var known = cluster.CurrentSnapshot;
        try
        {
            await foreach (var snapshot in cluster.MembershipUpdates.WithCancellation(cancellationToken))
            {
                var dead = snapshot.CreateUpdate(known).Changes.Where(member => member.Status == SiloStatus.Dead).ToList();
                known = snapshot;
                if (dead.Count > 0)
                {
                    LogSiloDead(string.Join(", ", dead.Select(member => member.SiloAddress)));
                    _ = Parallel.ForEachAsync(Watched(), new ParallelOptions { MaxDegreeOfParallelism = ParallelWatches, CancellationToken = cancellationToken },
                        async (watch, token) => await watch.Rewatch(this, token));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private TopicWatch[] Watched()
    {
        lock (membership)
        {
            return [.. topics.Values];
        }
    }

    /// <summary>The source stores less than what was forwarded: logged once per loss, and kept for /health.</summary>
    private void ReportLoss(Topic topic, long forwarded, long stored)
    {
        if (lostWrites.Report(topic.ToString(), forwarded, stored))
        {
            LogSourceWentBack(topic.ToString(), forwarded, stored);
        }
    }

    private async Task Forward(TopicVisibility visibility, LiveEvent liveEvent, IReadOnlyCollection<string> followers)
    {
        KaolackMetrics.EventsFannedOut.Add(followers.Count);
        if (!visibility.IsRestricted(liveEvent))
        {
            await hub.Clients.Group(liveEvent.Topic).Event(liveEvent);
            return;
        }
        // Followers who may receive the same event (equal shaped data: a workshop delta shared by every participant) get
        // it in one send, serialised once; only what differs per person is sent per person.
        Dictionary<LiveEvent, List<string>> deliveries = [];
        lock (membership)
        {
            foreach (var connectionId in followers)
            {
                if (connections.TryGetValue(connectionId, out var connection) && visibility.For(connection.Caller, liveEvent) is { } visible)
                {
                    if (!deliveries.TryGetValue(visible, out var receivers))
                    {
                        deliveries[visible] = receivers = [];
                    }
                    receivers.Add(connectionId);
                }
            }
        }
        foreach (var (visible, receivers) in deliveries)
        {
            await hub.Clients.Clients(receivers).Event(visible);
        }
    }

    private ILiveSource Source(Topic topic) => TopicKinds.Of(topic.Scope).Source(grains, topic);

    private Caller? CallerOf(string connectionId)
    {
        lock (membership)
        {
            return connections.TryGetValue(connectionId, out var connection) ? connection.Caller : null;
        }
    }

    /// <summary>Takes the connection off the topic (group and tracking) and tells it why.</summary>
    private async Task Revoke(string connectionId, Topic topic, DomainException reason)
    {
        var name = topic.ToString();
        await hub.Groups.RemoveFromGroupAsync(connectionId, name);
        await Untrack(connectionId, topic);
        LogRevoked(connectionId, name, reason.Code);
        await hub.Clients.Client(connectionId).Revoked(name,
            HubErrors.Text(HubErrors.AccessRemoved, $"Vous n'avez plus accès à « {name} » : {reason.Message}"));
    }

    private string[] Followers(TopicWatch watch)
    {
        lock (membership)
        {
            return [.. watch.Connections];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay could not refresh {Topic}")]
    private partial void LogRefreshFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay could not watch {Topic} again after its activation ended")]
    private partial void LogRewatchFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo(s) {Silos} declared dead: the live relay watches its topics again")]
    private partial void LogSiloDead(string silos);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live source {Topic} is at v{Stored} after v{Forwarded} was sent to clients: the store lost acknowledged writes; its followers get the stored state")]
    private partial void LogSourceWentBack(string topic, long forwarded, long stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay could not deliver {Topic} v{Version}")]
    private partial void LogDeliveryFailed(Exception exception, string topic, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay could not check again who follows {Topic}")]
    private partial void LogRecheckFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live connection {ConnectionId} no longer follows {Topic}: {Code}")]
    private partial void LogRevoked(string connectionId, string topic, string code);

    /// <summary>One connection: who it is now (changed by <see cref="CallerChanged"/>) and what it follows.</summary>
    private sealed class ConnectionState(Caller caller)
    {
        public Caller Caller { get; set; } = caller;

        public HashSet<Topic> Topics { get; } = [];
    }

    /// <summary>One watched topic: who follows it here, and the last version forwarded to them.</summary>
    private sealed class TopicWatch(Topic topic)
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private readonly Lock rewatchGate = new();
        private bool watching;
        private long lastForwarded;
        private Task? rewatching;

        public Topic Topic => topic;

        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);

        public async Task EnsureWatching(LiveRelay relay)
        {
            await gate.WaitAsync();
            try
            {
                if (!watching)
                {
                    lastForwarded = await relay.Source(topic).Watch(relay.Reference);
                    watching = true;
                }
            }
            finally
            {
                gate.Release();
            }
        }

        public async Task Deliver(LiveRelay relay, LiveEvent liveEvent)
        {
            await gate.WaitAsync();
            try
            {
                if (!watching || liveEvent.Version <= lastForwarded)
                {
                    return;
                }
                if (liveEvent.Version == lastForwarded + 1 || liveEvent.Change == ChangeKind.Snapshot)
                {
                    await ForwardInOrder(relay, [liveEvent]);
                }
                else
                {
                    await FillGap(relay);
                }
            }
            catch (Exception exception)
            {
                relay.LogDeliveryFailed(exception, topic.ToString(), liveEvent.Version);
            }
            finally
            {
                gate.Release();
            }
        }

        /// <summary>Watches the source (again) and forwards what was missed; the error when the source did not answer.</summary>
        public async Task<Exception?> TryRefresh(LiveRelay relay)
        {
            await gate.WaitAsync();
            try
            {
                var current = await relay.Source(topic).Watch(relay.Reference);
                watching = true;
                if (current < lastForwarded)
                {
                    await StartOver(relay, current);
                }
                else if (current > lastForwarded)
                {
                    await FillGap(relay);
                }
                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return exception;
            }
            finally
            {
                gate.Release();
            }
        }

        /// <summary>
        /// Asks the source again, as each connection's caller, whether they read the topic (the access check of a
        /// subscription: a catch-up from the last version forwarded, usually empty), and revokes those refused. Holds the
        /// delivery gate meanwhile, so nothing of the topic reaches them after the check began.
        /// </summary>
        public async Task Recheck(LiveRelay relay, IReadOnlyCollection<string> connectionIds)
        {
            await gate.WaitAsync();
            try
            {
                foreach (var connectionId in connectionIds)
                {
                    if (relay.CallerOf(connectionId) is not { } caller)
                    {
                        continue;
                    }
                    try
                    {
                        await relay.Source(topic).CatchUp(caller, lastForwarded);
                    }
                    catch (DomainException refused)
                    {
                        await relay.Revoke(connectionId, topic, refused);
                    }
                    catch (Exception exception)
                    {
                        // The source did not answer: the connection keeps the topic; per-event rules still apply.
                        relay.LogRecheckFailed(exception, topic.ToString());
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }

        /// <summary>
        /// Watches the next activation, at once and then a few times more while it cannot be reached (its silo not yet
        /// declared dead, storage slow to load it). One run at a time: a second call joins the one under way.
        /// </summary>
        public Task Rewatch(LiveRelay relay, CancellationToken cancellationToken)
        {
            lock (rewatchGate)
            {
                return rewatching ??= Task.Run(Run, CancellationToken.None);
            }

            async Task Run()
            {
                try
                {
                    Exception? failure = null;
                    foreach (var delay in RewatchDelays)
                    {
                        await Task.Delay(delay, cancellationToken);
                        if ((failure = await TryRefresh(relay)) is null)
                        {
                            return;
                        }
                    }
                    relay.LogRewatchFailed(failure!, topic.ToString());
                }
                catch (OperationCanceledException)
                {
                }
                finally
                {
                    lock (rewatchGate)
                    {
                        rewatching = null;
                    }
                }
            }
        }

        private async Task FillGap(LiveRelay relay)
        {
            var missed = await relay.Source(topic).CatchUp(Caller.System, lastForwarded);
            await ForwardInOrder(relay, missed.Events);
        }

        /// <summary>The source is behind what was forwarded: its followers get what it stores, and versions count from there.</summary>
        private async Task StartOver(LiveRelay relay, long stored)
        {
            relay.ReportLoss(topic, lastForwarded, stored);
            var snapshot = await relay.Source(topic).CatchUp(Caller.System, null);
            lastForwarded = -1;
            await ForwardInOrder(relay, snapshot.Events);
        }

        private async Task ForwardInOrder(LiveRelay relay, IEnumerable<LiveEvent> events)
        {
            var visibility = LiveVisibility.Of(topic.Scope);
            foreach (var liveEvent in events.OrderBy(e => e.Version))
            {
                if (liveEvent.Version > lastForwarded)
                {
                    await relay.Forward(visibility, liveEvent, relay.Followers(this));
                    lastForwarded = liveEvent.Version;
                }
            }
        }
    }
}
