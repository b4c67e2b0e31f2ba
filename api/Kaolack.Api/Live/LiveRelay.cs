using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Live;
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
/// </summary>
public sealed partial class LiveRelay(
    IGrainFactory grains,
    IHubContext<LiveHub, ILiveClient> hub,
    IOptions<LiveRelayOptions> options,
    ILogger<LiveRelay> logger) : ILiveObserver, IHostedService, IDisposable
{
    private readonly Lock membership = new();
    private readonly Dictionary<string, TopicWatch> topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectionState> connections = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private ILiveObserver? reference;
    private Task? refreshLoop;

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

    public Task StartAsync(CancellationToken cancellationToken)
    {
        refreshLoop = RefreshLoop(stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (refreshLoop is not null)
        {
            await refreshLoop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
                TopicWatch[] watched;
                lock (membership)
                {
                    watched = [.. topics.Values];
                }
                foreach (var watch in watched)
                {
                    await watch.Refresh(this);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Forward(TopicVisibility visibility, LiveEvent liveEvent, IReadOnlyCollection<string> followers)
    {
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

    private string[] Followers(TopicWatch watch)
    {
        lock (membership)
        {
            return [.. watch.Connections];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay could not refresh {Topic}")]
    private partial void LogRefreshFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay could not deliver {Topic} v{Version}")]
    private partial void LogDeliveryFailed(Exception exception, string topic, long version);

    /// <summary>One connection: who it is and what it follows.</summary>
    private sealed class ConnectionState(Caller caller)
    {
        public Caller Caller { get; } = caller;

        public HashSet<Topic> Topics { get; } = [];
    }

    /// <summary>One watched topic: who follows it here, and the last version forwarded to them.</summary>
    private sealed class TopicWatch(Topic topic)
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private bool watching;
        private long lastForwarded;

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

        public async Task Refresh(LiveRelay relay)
        {
            await gate.WaitAsync();
            try
            {
                var current = await relay.Source(topic).Watch(relay.Reference);
                watching = true;
                if (current > lastForwarded)
                {
                    await FillGap(relay);
                }
            }
            catch (Exception exception)
            {
                relay.LogRefreshFailed(exception, topic.ToString());
            }
            finally
            {
                gate.Release();
            }
        }

        private async Task FillGap(LiveRelay relay)
        {
            var missed = await relay.Source(topic).CatchUp(Caller.System, lastForwarded);
            await ForwardInOrder(relay, missed.Events);
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
