namespace Kaolack.Grains.Plans;

/// <summary>
/// The "Kaolack:PlanStorage" configuration section: how often the plan's snapshot (grain state) is written next to
/// its op log, and when a log segment (an append blob) is closed for a new one.
/// </summary>
public sealed class PlanStorageOptions
{
    public const string Section = "Kaolack:PlanStorage";

    /// <summary>A snapshot after this many ops since the last one (activation replays at most about this many).</summary>
    public int SnapshotEveryOps { get; set; } = 1000;

    /// <summary>A snapshot at most this long after an op, when fewer than <see cref="SnapshotEveryOps"/> came.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Blocks per segment before the next one starts (an append blob takes 50,000 at most). Few, so that reading a whole
    /// segment stays one bounded request: Azurite opens one file per block it serves, and a plan typed into for a while
    /// makes a block per keystroke or so.
    /// </summary>
    public int SegmentMaxBlocks { get; set; } = 128;

    /// <summary>
    /// The most blocks one read of the log may cover. Segments that promised no more are read whole; older, larger ones
    /// in ranges small enough for that (<see cref="PlanLogSegments.RangeBytes"/>).
    /// </summary>
    public int ReadMaxBlocks { get; set; } = 128;

    /// <summary>Bytes per segment before the next one starts, so that one read of a segment stays small too.</summary>
    public long SegmentMaxBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Catch-up reads at most this many ops from the log; a client further behind gets a snapshot.</summary>
    public int CatchUpFromLogLimit { get; set; } = 10_000;

    /// <summary>
    /// How long log segments the snapshot has made unnecessary are kept anyway: catch-ups from the log and the record of
    /// who did what reach back at least this far. Older ones are deleted by <see cref="PlanLogPruning"/>.
    /// </summary>
    public TimeSpan KeepLogFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often each silo looks for segments to prune.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(6);

    public bool IsValid() =>
        SnapshotEveryOps > 0 && SnapshotInterval > TimeSpan.Zero
        && SegmentMaxBlocks is > 0 and <= PlanLogSegments.MaxBlocksPerBlob && ReadMaxBlocks > 0
        && SegmentMaxBytes > 0 && CatchUpFromLogLimit >= 0 && KeepLogFor >= TimeSpan.Zero && PruneInterval > TimeSpan.Zero;
}
