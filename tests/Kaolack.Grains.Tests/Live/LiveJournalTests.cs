using Kaolack.Contracts.Live;
using Kaolack.Grains.Live;

namespace Kaolack.Grains.Tests.Live;

public sealed class LiveJournalTests
{
    private const string Topic = "project:puits-solaires";

    [Fact]
    public void An_up_to_date_client_gets_no_events()
    {
        var journal = JournalWith(capacity: 10, versions: [1, 2, 3]);
        var catchUp = journal.CatchUp(3, 3, NoSnapshot);
        Assert.Equal(Topic, catchUp.Topic);
        Assert.Equal(3, catchUp.Version);
        Assert.Empty(catchUp.Events);
    }

    [Fact]
    public void A_client_behind_gets_exactly_the_missed_events_in_order()
    {
        var journal = JournalWith(capacity: 10, versions: [1, 2, 3, 4, 5]);
        var catchUp = journal.CatchUp(2, 5, NoSnapshot);
        Assert.Equal(5, catchUp.Version);
        Assert.Equal([3L, 4L, 5L], catchUp.Events.Select(e => e.Version));
        Assert.All(catchUp.Events, e => Assert.Equal(ChangeKind.Updated, e.Change));
    }

    [Fact]
    public void The_oldest_held_event_is_enough_when_it_directly_follows_what_the_client_saw()
    {
        var journal = JournalWith(capacity: 3, versions: [1, 2, 3, 4, 5]);
        var catchUp = journal.CatchUp(2, 5, NoSnapshot);
        Assert.Equal([3L, 4L, 5L], catchUp.Events.Select(e => e.Version));
    }

    [Fact]
    public void A_snapshot_is_sent_when_the_window_no_longer_holds_the_missed_events()
    {
        var journal = JournalWith(capacity: 3, versions: [1, 2, 3, 4, 5]);
        var catchUp = journal.CatchUp(1, 5, () => Snapshot(5));
        AssertSnapshot(catchUp, 5);
    }

    [Fact]
    public void A_snapshot_is_sent_when_the_client_has_seen_nothing()
    {
        var journal = JournalWith(capacity: 10, versions: [1, 2]);
        AssertSnapshot(journal.CatchUp(null, 2, () => Snapshot(2)), 2);
    }

    [Fact]
    public void A_snapshot_is_sent_when_the_client_claims_a_version_ahead_of_the_source()
    {
        var journal = JournalWith(capacity: 10, versions: [1, 2]);
        AssertSnapshot(journal.CatchUp(7, 2, () => Snapshot(2)), 2);
    }

    [Fact]
    public void A_snapshot_is_sent_when_the_journal_is_empty_after_a_reactivation()
    {
        var journal = new LiveJournal(Topic);
        AssertSnapshot(journal.CatchUp(2, 5, () => Snapshot(5)), 5);
    }

    [Fact]
    public void A_snapshot_is_sent_when_the_journal_lags_behind_the_current_version()
    {
        var journal = JournalWith(capacity: 10, versions: [1, 2, 3]);
        AssertSnapshot(journal.CatchUp(2, 4, () => Snapshot(4)), 4);
    }

    [Fact]
    public void The_window_keeps_only_the_newest_events()
    {
        var journal = JournalWith(capacity: 2, versions: [1, 2, 3, 4]);
        Assert.Equal([4L], journal.CatchUp(3, 4, NoSnapshot).Events.Select(e => e.Version));
        Assert.Equal(ChangeKind.Snapshot, journal.CatchUp(1, 4, () => Snapshot(4)).Events.Single().Change);
    }

    [Fact]
    public void Event_versions_must_increase()
    {
        var journal = JournalWith(capacity: 10, versions: [1, 2]);
        Assert.Throws<InvalidOperationException>(() => journal.Append(Event(2)));
        Assert.Throws<InvalidOperationException>(() => journal.Append(Event(1)));
    }

    private static LiveJournal JournalWith(int capacity, long[] versions)
    {
        var journal = new LiveJournal(Topic, capacity);
        foreach (var version in versions)
        {
            journal.Append(Event(version));
        }
        return journal;
    }

    private static LiveEvent Event(long version) =>
        new(Topic, version, ChangeKind.Updated, DateTimeOffset.UnixEpoch.AddMinutes(version), $"v{version}");

    private static LiveEvent Snapshot(long version) =>
        new(Topic, version, ChangeKind.Snapshot, DateTimeOffset.UnixEpoch, "snapshot");

    private static LiveEvent NoSnapshot() => throw new InvalidOperationException("No snapshot should be made here.");

    private static void AssertSnapshot(CatchUp catchUp, long version)
    {
        Assert.Equal(version, catchUp.Version);
        var only = Assert.Single(catchUp.Events);
        Assert.Equal(ChangeKind.Snapshot, only.Change);
        Assert.Equal(version, only.Version);
        Assert.Equal("snapshot", only.Data);
    }
}
