using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Grains.Plans;
using static Kaolack.Grains.Tests.Plans.PlanOps;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>The per-entity history index: what each op records, text typing merged, bounded per entity, paged newest first.</summary>
public sealed class PlanHistoryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static PlanLogRecord Record(long version, PlanOp op, string user = "awa@example.org", double seconds = 0) =>
        new(new PlanChange(version, "c", version, user, op, Noon.AddSeconds(seconds == 0 ? version : seconds)), user.Split('@')[0]);

    [Fact]
    public void Each_kind_of_change_is_recorded_with_its_author_time_version_and_field()
    {
        var history = PlanHistory.Empty.With(
        [
            Record(1, Add(PlanEntityKind.Task, "t1", "a0", (PlanFields.Title, "Devis"))),
            Record(2, Set(PlanEntityKind.Task, "t1", PlanFields.Status, "doing"), "karim@example.org"),
            Record(3, Text(PlanEntityKind.Task, "t1", PlanFields.Notes, TextOp.InsertAt(0, "Appeler"))),
            Record(4, new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Task, Id = "t1", Order = "b0" }),
            Record(5, new PlanOp { Type = PlanOpType.Delete, Kind = PlanEntityKind.Task, Id = "t1" }),
            Record(6, AddSection("s1", "a0")),
        ]);

        var page = history.Page("t1", null, 10);

        Assert.Null(page.NextBefore);
        Assert.Equal(
        [
            new PlanHistoryEntry(5, PlanEntityKind.Task, "t1", PlanOpType.Delete, null, null, "awa@example.org", "awa", Noon.AddSeconds(5)),
            new PlanHistoryEntry(4, PlanEntityKind.Task, "t1", PlanOpType.Move, null, null, "awa@example.org", "awa", Noon.AddSeconds(4)),
            new PlanHistoryEntry(3, PlanEntityKind.Task, "t1", PlanOpType.Text, PlanFields.Notes, null, "awa@example.org", "awa", Noon.AddSeconds(3)),
            new PlanHistoryEntry(2, PlanEntityKind.Task, "t1", PlanOpType.Set, PlanFields.Status, "doing", "karim@example.org", "karim", Noon.AddSeconds(2)),
            new PlanHistoryEntry(1, PlanEntityKind.Task, "t1", PlanOpType.Add, null, null, "awa@example.org", "awa", Noon.AddSeconds(1)),
        ], page.Entries);
        Assert.Equal([6L], history.Page("s1", null, 10).Entries.Select(e => e.Version));
        Assert.Empty(history.Page("unknown", null, 10).Entries);
    }

    [Fact]
    public void Typing_in_one_field_by_one_author_within_a_minute_is_one_entry_at_its_latest_version()
    {
        var history = PlanHistory.Empty.With(
        [
            Record(1, AddSection("s1", "a0")),
            Record(2, Body("s1", TextOp.InsertAt(0, "a")), seconds: 10),
            Record(3, Body("s1", TextOp.InsertAt(1, "b")), seconds: 40),
            Record(4, Body("s1", TextOp.InsertAt(2, "c")), seconds: 70),
            // Another author, then a pause longer than the window: new entries.
            Record(5, Body("s1", TextOp.InsertAt(3, "d")), "karim@example.org", seconds: 75),
            Record(6, Body("s1", TextOp.InsertAt(4, "e")), "karim@example.org", seconds: 200),
        ]);

        Assert.Equal([6L, 5L, 4L, 1L], history.Page("s1", null, 10).Entries.Select(e => e.Version));
    }

    [Fact]
    public void An_entity_keeps_its_latest_entries_up_to_the_bound()
    {
        var records = Enumerable.Range(1, PlanHistory.PerEntity + 30)
            .Select(v => Record(v, Set(PlanEntityKind.Milestone, "m1", PlanFields.Status, v % 2 == 0 ? "done" : "planned")));

        var entries = PlanHistory.Empty.With(records).Page("m1", null, PlanHistory.MaxPageSize).Entries;

        Assert.Equal(PlanHistory.PerEntity, entries.Length);
        Assert.Equal(PlanHistory.PerEntity + 30, entries[0].Version);
        Assert.Equal(31, entries[^1].Version);
    }

    [Fact]
    public void Pages_go_newest_first_and_the_next_page_starts_before_the_last_entry_shown()
    {
        var history = PlanHistory.Empty.With(Enumerable.Range(1, 7).Select(v => Record(v, Set(PlanEntityKind.Section, "s1", PlanFields.Heading, $"h{v}"))));

        var first = history.Page("s1", null, 3);
        var second = history.Page("s1", first.NextBefore, 3);
        var third = history.Page("s1", second.NextBefore, 3);

        Assert.Equal([7L, 6L, 5L], first.Entries.Select(e => e.Version));
        Assert.Equal(5, first.NextBefore);
        Assert.Equal([4L, 3L, 2L], second.Entries.Select(e => e.Version));
        Assert.Equal([1L], third.Entries.Select(e => e.Version));
        Assert.Null(third.NextBefore);
        Assert.Equal([3L, 2L], history.Page("s1", 4, 2).Entries.Select(e => e.Version));
    }
}
