using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kaolack.Grains.Tests.Live;

public sealed class LivePublisherTests
{
    private const string Reader = "equipe@kaolack.test";
    private static readonly Caller TeamMember = new(Reader, [Role.Member]);
    private static readonly Caller Stranger = new("etranger@kaolack.test", [Role.Member]);

    private static readonly DirectoryEntry PrivateProject = new()
    {
        Kind = EntityKind.Project, Slug = "projet-prive", Name = "Projet privé", Version = 1, Readers = [Reader],
    };

    private static readonly DirectoryEntry PublicProject = new()
    {
        Kind = EntityKind.Project, Slug = "projet-ouvert", Name = "Projet ouvert", Version = 1, Readers = null,
    };

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TaskCompletionSource ownerDeactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long version;
    private List<DirectoryEntry> entries = [];

    [Fact]
    public async Task Watchers_are_told_the_version_and_receive_every_published_event_until_they_unwatch()
    {
        var live = Journaled();
        var leaving = new RecordingObserver();
        var staying = new RecordingObserver();
        version = 4;
        Assert.Equal(4, await live.Watch(leaving));
        await live.Watch(staying);

        await Publish(live, PublicProject);
        await live.Unwatch(leaving);
        await Publish(live, PrivateProject);

        Assert.Equal([5L], leaving.Received.Select(e => e.Version));
        Assert.Equal([5L, 6L], staying.Received.Select(e => e.Version));
        Assert.All(staying.Received, e => Assert.Equal("directory:projects", e.Topic));
    }

    [Fact]
    public async Task When_the_owning_activation_ends_every_watcher_is_told_to_watch_the_topic_again()
    {
        var live = Journaled();
        var first = new RecordingObserver();
        var second = new RecordingObserver();
        await live.Watch(first);
        await live.Watch(second);

        ownerDeactivated.SetResult();

        await Eventually.True(() => first.Deactivations.Count == 1 && second.Deactivations.Count == 1, "both watchers to be told");
        Assert.Equal(["directory:projects"], first.Deactivations);
        Assert.Empty(first.Received);
    }

    [Fact]
    public async Task A_client_behind_gets_the_journal_and_one_too_far_behind_or_new_gets_a_snapshot_of_the_state()
    {
        var live = Journaled(capacity: 2);
        await Publish(live, PublicProject);
        await Publish(live, PublicProject with { Version = 2 });
        await Publish(live, PublicProject with { Version = 3 });

        Assert.Equal([2L, 3L], live.CatchUp(TeamMember, 1).Events.Select(e => e.Version));
        Assert.Empty(live.CatchUp(TeamMember, 3).Events);
        foreach (long? since in new long?[] { null, 0 })
        {
            var catchUp = live.CatchUp(TeamMember, since);
            var snapshot = Assert.Single(catchUp.Events);
            Assert.Equal((3L, 3L, ChangeKind.Snapshot, clock.GetUtcNow()), (catchUp.Version, snapshot.Version, snapshot.Change, snapshot.At));
            Assert.Equal([PublicProject with { Version = 3 }], Assert.IsType<DirectorySnapshot>(snapshot.Data).Entries);
        }
    }

    [Fact]
    public async Task A_source_whose_events_are_its_whole_state_answers_every_catch_up_with_it()
    {
        var live = LivePublisher.SnapshotsOnly(Topic.ForDirectory(EntityKind.Project), ownerDeactivated.Task, () => version, State, clock, NullLogger.Instance);
        await Publish(live, PublicProject);

        foreach (long? since in new long?[] { null, 0, 1 })
        {
            var snapshot = Assert.Single(live.CatchUp(TeamMember, since).Events);
            Assert.Equal((1L, ChangeKind.Snapshot), (snapshot.Version, snapshot.Change));
        }
    }

    [Fact]
    public async Task After_forgetting_a_catch_up_starts_from_the_next_event()
    {
        var live = Journaled();
        await Publish(live, PublicProject);
        await Publish(live, PublicProject with { Version = 2 });

        live.Forget();
        await Publish(live, PublicProject with { Version = 3 });

        Assert.Equal([3L], live.CatchUp(TeamMember, 2).Events.Select(e => e.Version));
        Assert.Equal(ChangeKind.Snapshot, Assert.Single(live.CatchUp(TeamMember, 1).Events).Change);
    }

    [Fact]
    public async Task Catch_ups_are_shaped_for_each_caller_by_the_topic_kinds_rule_and_the_relay_gets_them_as_published()
    {
        var live = Journaled();
        await Publish(live, PublicProject);
        await Publish(live, PrivateProject);

        Assert.Equal([1L, 2L], live.CatchUp(TeamMember, 0).Events.Select(e => e.Version));
        Assert.Equal([1L], live.CatchUp(Stranger, 0).Events.Select(e => e.Version));
        Assert.Equal([1L, 2L], live.CatchUp(Caller.System, 0).Events.Select(e => e.Version));
        Assert.Equal([PublicProject], Assert.IsType<DirectorySnapshot>(Assert.Single(live.CatchUp(Stranger, null).Events).Data).Entries);
        Assert.Equal(2, Assert.IsType<DirectorySnapshot>(Assert.Single(live.CatchUp(Caller.System, null).Events).Data).Entries.Length);
    }

    [Fact]
    public async Task A_gap_older_than_the_journal_is_asked_of_the_sources_log_before_falling_back_to_a_snapshot()
    {
        var live = Journaled(capacity: 1);
        await Publish(live, PublicProject);
        await Publish(live, PublicProject with { Version = 2 });
        await Publish(live, PrivateProject with { Version = 2 });
        List<(long After, long UpTo)> asked = [];
        LiveEvent[] log = [.. Enumerable.Range(1, 3).Select(v => new LiveEvent(live.Topic, v, ChangeKind.Updated, clock.GetUtcNow(), v == 3 ? PrivateProject : PublicProject))];

        var fromLog = await live.CatchUp(Stranger, 1, (after, upTo) =>
        {
            asked.Add((after, upTo));
            return Task.FromResult<IReadOnlyList<LiveEvent>?>([.. log.Where(e => e.Version > after && e.Version <= upTo)]);
        });
        var held = await live.CatchUp(Stranger, 2, (_, _) => throw new InvalidOperationException("The journal holds it."));
        var lost = await live.CatchUp(Stranger, 1, (_, _) => Task.FromResult<IReadOnlyList<LiveEvent>?>(null));

        Assert.Equal([(1L, 3L)], asked);
        Assert.Equal([2L], fromLog.Events.Select(e => e.Version));
        Assert.Equal(3, fromLog.Version);
        Assert.Empty(held.Events);
        Assert.Equal(ChangeKind.Snapshot, Assert.Single(lost.Events).Change);
    }

    private LivePublisher Journaled(int capacity = LiveJournal.DefaultCapacity) =>
        LivePublisher.WithJournal(Topic.ForDirectory(EntityKind.Project), ownerDeactivated.Task, () => version, State, clock, NullLogger.Instance, capacity);

    private DirectorySnapshot State() => new([.. entries]);

    /// <summary>As a directory does: apply, count a version, publish the entry.</summary>
    private async Task Publish(LivePublisher live, DirectoryEntry entry)
    {
        entries = [.. entries.Where(e => e.Slug != entry.Slug), entry];
        version++;
        await live.Publish(live.Event(ChangeKind.Updated, clock.GetUtcNow(), entry));
    }
}
