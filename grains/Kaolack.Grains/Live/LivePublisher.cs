using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Kaolack.Grains.Live;

/// <summary>
/// The live side of one grain's topic, owned by the grain: the relays watching it (one per silo), the journal of recent
/// events, and the catch-up answer. A grain that publishes implements <see cref="ILiveSource"/> by checking access and
/// handing the call here; it publishes only what is durable. Catch-ups are shaped for each caller by the topic kind's
/// <see cref="LiveVisibility"/> rule, as the relay shapes live events; the relays themselves catch up as
/// <see cref="Caller.System"/> and get the events as published, to shape them per connection.
/// When the grain's activation ends (deactivation, a silo stopping, a failed write), the watchers are told, so they watch
/// the next activation at once: a new activation starts with no watchers, and would otherwise publish to nobody until the
/// relays' periodic refresh.
/// </summary>
public sealed class LivePublisher
{
    private readonly ObserverManager<ILiveObserver> watchers;
    private readonly Func<long> version;
    private readonly Func<object?> state;
    private readonly TimeProvider clock;
    private readonly TopicVisibility visibility;
    private readonly int? journalCapacity;
    private LiveJournal? journal;

    private LivePublisher(
        Topic topic, Task ownerDeactivated, Func<long> version, Func<object?> state, TimeProvider clock, ILogger logger, int? journalCapacity)
    {
        Topic = topic.ToString();
        this.version = version;
        this.state = state;
        this.clock = clock;
        this.journalCapacity = journalCapacity;
        visibility = LiveVisibility.Of(topic.Scope);
        watchers = new ObserverManager<ILiveObserver>(LiveSubscriptions.Expiry, logger);
        // Outside the activation's scheduler, which runs nothing more once it is gone.
        _ = ownerDeactivated.ContinueWith(_ => TellWatchersDeactivated(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    public string Topic { get; }

    /// <summary>The source's current version: what watchers are told, and what catch-ups answer up to.</summary>
    public long Version => version();

    /// <summary>
    /// A source whose events are changes: the last <paramref name="capacity"/> are kept so a client that missed a few
    /// gets exactly those; older gaps, and a client that saw nothing, get the whole state as a snapshot.
    /// </summary>
    /// <param name="ownerDeactivated">Completes when the owning grain's activation has ended (its <c>GrainContext.Deactivated</c>).</param>
    /// <param name="version">The source's current version.</param>
    /// <param name="state">What a snapshot carries: the whole current state.</param>
    public static LivePublisher WithJournal(
        Topic topic, Task ownerDeactivated, Func<long> version, Func<object?> state, TimeProvider clock, ILogger logger, int capacity = LiveJournal.DefaultCapacity) =>
        new(topic, ownerDeactivated, version, state, clock, logger, capacity);

    /// <summary>A source each of whose events is its whole state (presence, a project's summary): every catch-up is a snapshot.</summary>
    public static LivePublisher SnapshotsOnly(Topic topic, Task ownerDeactivated, Func<long> version, Func<object?> state, TimeProvider clock, ILogger logger) =>
        new(topic, ownerDeactivated, version, state, clock, logger, null);

    /// <summary>Registers (or refreshes) a silo's relay; answers the current version.</summary>
    public Task<long> Watch(ILiveObserver observer)
    {
        watchers.Subscribe(observer, observer);
        return Task.FromResult(Version);
    }

    public Task Unwatch(ILiveObserver observer)
    {
        watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>What <paramref name="caller"/> missed since <paramref name="sinceVersion"/> (null: nothing seen yet); the caller's access is checked by the grain first.</summary>
    public CatchUp CatchUp(Caller caller, long? sinceVersion)
    {
        var current = Version;
        var catchUp = Journal is { } held
            ? held.CatchUp(sinceVersion, current, Snapshot)
            : new CatchUp(Topic, current, [Snapshot()]);
        return ShapedFor(caller, catchUp);
    }

    /// <summary>
    /// As <see cref="CatchUp(Caller, long?)"/>, but a gap older than the journal is first asked of <paramref name="older"/>
    /// (a source with a durable log of its events): the events after the first version up to the second, or null when it
    /// does not hold them all, and the client gets a snapshot after all.
    /// </summary>
    public async Task<CatchUp> CatchUp(Caller caller, long? sinceVersion, Func<long, long, Task<IReadOnlyList<LiveEvent>?>> older)
    {
        var current = Version;
        if (sinceVersion is { } since && since >= 0 && since < current && Journal?.Holds(since, current) != true
            && await older(since, current) is { } events)
        {
            return ShapedFor(caller, new CatchUp(Topic, current, [.. events]));
        }
        return CatchUp(caller, sinceVersion);
    }

    /// <summary>An event of this topic at the current version.</summary>
    public LiveEvent Event(ChangeKind change, DateTimeOffset at, object? data) => new(Topic, Version, change, at, data);

    /// <summary>Keeps the event for catch-up and sends it to every watching relay. Publish only what is durable.</summary>
    public async Task Publish(LiveEvent liveEvent)
    {
        Journal?.Append(liveEvent);
        await watchers.Notify(watcher => watcher.OnLiveEvent(liveEvent));
    }

    /// <summary>
    /// Tells the watching relays that who may read the topic changed, so they check their followers again (a removed
    /// member stops receiving it). Rare (membership changes), so each relay then asks once per local follower.
    /// </summary>
    public Task AccessChanged() => watchers.Notify(watcher => watcher.OnAccessChanged(Topic));

    /// <summary>Publishes the whole current state (what a snapshot carries) as the change at the current version.</summary>
    public Task PublishState(ChangeKind change, DateTimeOffset at) => Publish(Event(change, at, state()));

    /// <summary>
    /// Drops the journal: catch-ups start again from the next event. On deletion, since no one's read access covers what
    /// the source was (anyone may read its absence, or create it again).
    /// </summary>
    public void Forget() => journal = null;

    private Task TellWatchersDeactivated() => watchers.Notify(watcher => watcher.OnSourceDeactivated(Topic));

    private LiveJournal? Journal => journalCapacity is { } capacity ? journal ??= new LiveJournal(Topic, capacity) : null;

    private LiveEvent Snapshot() => Event(ChangeKind.Snapshot, clock.GetUtcNow(), state());

    private CatchUp ShapedFor(Caller caller, CatchUp catchUp) => caller.UserId == Caller.SystemId
        ? catchUp
        : catchUp with { Events = [.. catchUp.Events.Select(e => visibility.For(caller, e)).OfType<LiveEvent>()] };
}
