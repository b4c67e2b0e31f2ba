using System.Globalization;

namespace Kaolack.Grains.Plans;

/// <summary>
/// Where a plan's log lives and which segments to read. Segments are named by the first version they may hold,
/// zero-padded, so listing the plan's prefix gives them in order and says their ranges without reading them.
/// </summary>
public static class PlanLogSegments
{
    public const int MaxBlocksPerBlob = 50_000;

    private const string LogFolder = "log";
    private const string VersionsFolder = "versions";

    public static string Prefix(string slug) => $"{slug}/{LogFolder}/";

    public static string BlobName(string slug, long firstVersion) => $"{Prefix(slug)}{firstVersion:D19}";

    /// <summary>Where the document of named version <paramref name="id"/> is kept.</summary>
    public static string VersionBlobName(string slug, long id) => $"{slug}/{VersionsFolder}/{id:D10}";

    public static bool TryParseFirstVersion(string slug, string blobName, out long firstVersion)
    {
        firstVersion = 0;
        var prefix = Prefix(slug);
        return blobName.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(blobName.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out firstVersion);
    }

    /// <summary>The plan whose log segment <paramref name="blobName"/> is (not a named version's document).</summary>
    public static bool TryParsePlanKey(string blobName, out string planKey)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var folder = blobName.LastIndexOf($"/{LogFolder}/", StringComparison.Ordinal);
        planKey = folder > 0 ? blobName[..folder] : "";
        return folder > 0 && TryParseFirstVersion(planKey, blobName, out _);
    }

    /// <summary>
    /// The segments a plan no longer needs, oldest first: those that hold no version after <paramref name="keepAfterVersion"/>
    /// (what a replay from the snapshot reads starts after it) and were last written before <paramref name="writtenBefore"/>
    /// (the history kept for catch-ups from the log). Never the last segment, which the plan appends to; always a prefix, so
    /// the log left has no gap. A client behind the oldest segment left catches up with a snapshot, as after any gap.
    /// </summary>
    public static IReadOnlyList<PlanLogSegment> Prunable(IReadOnlyList<PlanLogSegment> ordered, long keepAfterVersion, DateTimeOffset writtenBefore)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var needed = After(ordered, keepAfterVersion).Count;
        return [.. ordered.Take(ordered.Count - needed).TakeWhile(s => s.LastModified < writtenBefore)];
    }

    /// <summary>
    /// Whether a block of <paramref name="blockBytes"/> must go to a new segment rather than <paramref name="current"/>: at the
    /// configured block or byte limit, or at the block limit the segment itself promised when it was created.
    /// </summary>
    public static bool MustRoll(PlanLogSegment current, int blockBytes, PlanStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        return current.Blocks >= Math.Min(options.SegmentMaxBlocks, current.MaxBlocks ?? int.MaxValue)
            || (current.Blocks > 0 && current.Length + blockBytes > options.SegmentMaxBytes);
    }

    /// <summary>
    /// How many bytes one read of <paramref name="segment"/> may ask for so that it covers at most about
    /// <paramref name="readMaxBlocks"/> blocks, or null when one read of the whole segment does: it promised to hold no more
    /// blocks, or it is too short to hold more. A store may open one file per block it serves (Azurite does).
    /// </summary>
    public static int? RangeBytes(PlanLogSegment segment, int readMaxBlocks)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var rangeBytes = readMaxBlocks * PlanLogFormat.MinFrameBytes;
        return segment.MaxBlocks <= readMaxBlocks || segment.Length <= rangeBytes ? null : rangeBytes;
    }

    /// <summary>The segments, in order, that may hold versions after <paramref name="afterVersion"/>.</summary>
    public static IReadOnlyList<PlanLogSegment> After(IReadOnlyList<PlanLogSegment> ordered, long afterVersion)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var first = 0;
        for (var i = 1; i < ordered.Count; i++)
        {
            // Segment i - 1 ends where segment i starts: it holds nothing after afterVersion when i starts at or before the next one.
            if (ordered[i].FirstVersion <= afterVersion + 1)
            {
                first = i;
            }
        }
        return [.. ordered.Skip(first)];
    }

    /// <summary>
    /// The records after <paramref name="afterVersion"/> up to <paramref name="upTo"/>, or null when the log does not hold
    /// them all in sequence (a gap, or the start is older than the oldest segment).
    /// </summary>
    public static List<PlanLogRecord>? Range(IEnumerable<PlanLogRecord> records, long afterVersion, long upTo)
    {
        ArgumentNullException.ThrowIfNull(records);
        var range = new List<PlanLogRecord>();
        var expected = afterVersion + 1;
        foreach (var record in records)
        {
            if (record.Version <= afterVersion || record.Version > upTo)
            {
                continue;
            }
            if (record.Version != expected)
            {
                return null;
            }
            range.Add(record);
            expected++;
        }
        return expected == upTo + 1 ? range : null;
    }
}
