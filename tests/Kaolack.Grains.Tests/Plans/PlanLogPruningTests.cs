using Kaolack.Grains.Plans;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>Which log segments a plan may delete: wholly before what its snapshot's replay reads, and older than the retention.</summary>
public sealed class PlanLogPruningTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Segments starting at versions 1, 101, 201, 301, written 90, 60, 40 and 1 day(s) ago.</summary>
    private static readonly PlanLogSegment[] Log =
    [
        Segment(1, daysAgo: 90),
        Segment(101, daysAgo: 60),
        Segment(201, daysAgo: 40),
        Segment(301, daysAgo: 1),
    ];

    private static PlanLogSegment Segment(long firstVersion, double? daysAgo) =>
        new(PlanLogSegments.BlobName("plan-a", firstVersion), firstVersion, 4096, 12, 128, daysAgo is { } days ? Now.AddDays(-days) : null);

    private static long[] Prunable(IReadOnlyList<PlanLogSegment> log, long keepAfterVersion, TimeSpan retention) =>
        [.. PlanLogSegments.Prunable(log, keepAfterVersion, Now - retention).Select(s => s.FirstVersion)];

    [Fact]
    public void Segments_wholly_at_or_before_the_kept_version_and_older_than_the_retention_are_pruned()
    {
        // The segment from 201 holds 201..300: all at or before 300, so it goes too.
        Assert.Equal([1L, 101L, 201L], Prunable(Log, keepAfterVersion: 300, Retention));
    }

    [Fact]
    public void A_segment_holding_a_version_after_the_kept_one_stays_with_everything_after_it()
    {
        // 201..300 holds 250, which a replay from the snapshot reads.
        Assert.Equal([1L, 101L], Prunable(Log, keepAfterVersion: 249, Retention));
        Assert.Equal([1L], Prunable(Log, keepAfterVersion: 100, Retention));
        Assert.Empty(Prunable(Log, keepAfterVersion: 99, Retention));
        Assert.Empty(Prunable(Log, keepAfterVersion: 0, Retention));
    }

    [Fact]
    public void Segments_written_within_the_retention_stay_and_so_does_everything_after_them()
    {
        Assert.Equal([1L, 101L], Prunable(Log, keepAfterVersion: 300, TimeSpan.FromDays(45)));
        Assert.Empty(Prunable(Log, keepAfterVersion: 300, TimeSpan.FromDays(365)));
        // Without retention only the snapshot decides.
        Assert.Equal([1L, 101L, 201L], Prunable(Log, keepAfterVersion: 10_000, TimeSpan.Zero));
    }

    [Fact]
    public void The_last_segment_is_never_pruned_and_the_log_left_has_no_gap()
    {
        Assert.Empty(Prunable([Segment(1, daysAgo: 400)], keepAfterVersion: 10_000, TimeSpan.Zero));
        // A recent segment among old ones (its clock was off) stops the prefix: nothing after it goes either.
        PlanLogSegment[] uneven = [Segment(1, daysAgo: 90), Segment(101, daysAgo: 2), Segment(201, daysAgo: 80), Segment(301, daysAgo: 1)];
        Assert.Equal([1L], Prunable(uneven, keepAfterVersion: 300, Retention));
        // A segment this process started (no listed time) is not pruned.
        Assert.Empty(Prunable([Segment(1, daysAgo: null), Segment(101, daysAgo: 1)], keepAfterVersion: 300, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("plan-a/log/0000000000000000101", "plan-a")]
    [InlineData("atelier-1--notes/log/0000000000000000001", "atelier-1--notes")]
    public void A_segment_blob_names_its_plan(string blobName, string planKey)
    {
        Assert.True(PlanLogSegments.TryParsePlanKey(blobName, out var parsed));
        Assert.Equal(planKey, parsed);
    }

    [Theory]
    [InlineData("plan-a/versions/0000000001")]
    [InlineData("plan-a/log/not-a-version")]
    [InlineData("/log/0000000000000000001")]
    public void A_blob_that_is_no_segment_names_no_plan(string blobName)
    {
        Assert.False(PlanLogSegments.TryParsePlanKey(blobName, out _));
    }
}
