using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Kaolack.Contracts.Plans;
using Orleans.Serialization;

namespace Kaolack.Grains.Plans;

/// <summary>
/// The blobs of every plan beside its grain state: the op log (append blobs, one block per group commit) and the
/// documents of named versions. Every append is conditional on the position the writer last saw, so a second
/// activation of the same plan (a stale one during a fail-over) cannot interleave ops: its append fails.
/// Every read is bounded in the blocks it covers (<see cref="PlanLogSegments.RangeBytes"/>): how a store serves a whole
/// blob of many blocks (Azurite opens a file per block) never decides whether a plan can be read.
/// </summary>
public sealed class PlanLogStore(BlobContainerClient container, Serializer serializer)
{
    /// <summary>The metadata in which a segment says the most blocks it will ever hold.</summary>
    private const string MaxBlocksKey = "maxblocks";

    private Task? created;

    public Serializer Serializer => serializer;

    /// <summary>The plan's log segments, in version order.</summary>
    public async Task<List<PlanLogSegment>> List(string slug)
    {
        await EnsureContainer();
        var segments = new List<PlanLogSegment>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, PlanLogSegments.Prefix(slug), CancellationToken.None))
        {
            if (PlanLogSegments.TryParseFirstVersion(slug, blob.Name, out var first))
            {
                segments.Add(new PlanLogSegment(blob.Name, first, blob.Properties.ContentLength ?? 0, 0, MaxBlocks(blob.Metadata), blob.Properties.LastModified));
            }
        }
        return [.. segments.OrderBy(s => s.FirstVersion)];
    }

    /// <summary>The keys of the plans whose log has more than one segment: only those may have segments to prune.</summary>
    public async Task<List<string>> PlansWithSeveralSegments(CancellationToken cancellationToken)
    {
        await EnsureContainer();
        var segmentsByPlan = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken))
        {
            if (PlanLogSegments.TryParsePlanKey(blob.Name, out var planKey))
            {
                segmentsByPlan[planKey] = segmentsByPlan.GetValueOrDefault(planKey) + 1;
            }
        }
        return [.. segmentsByPlan.Where(p => p.Value > 1).Select(p => p.Key)];
    }

    /// <summary>Deletes a segment the plan no longer needs (<see cref="PlanLogSegments.Prunable"/>).</summary>
    public Task Delete(PlanLogSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return container.GetBlobClient(segment.BlobName).DeleteIfExistsAsync();
    }

    /// <summary>
    /// A segment's records and its size now (the writer appends after it): in one read when that covers at most
    /// <paramref name="readMaxBlocks"/> blocks, else in ranges that each do, a frame cut by a range's end completed by the next.
    /// </summary>
    public async Task<(List<PlanLogRecord> Records, PlanLogSegment Segment)> Read(PlanLogSegment segment, int readMaxBlocks)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var blob = container.GetAppendBlobClient(segment.BlobName);
        var decoder = new PlanLogDecoder(serializer);
        if (PlanLogSegments.RangeBytes(segment, readMaxBlocks) is not { } rangeBytes)
        {
            var whole = (await blob.DownloadContentAsync()).Value;
            decoder.Add(whole.Content.ToMemory().Span);
            return (decoder.Finish(), segment with { Length = whole.Content.ToMemory().Length, Blocks = whole.Details.BlobCommittedBlockCount });
        }
        long offset = 0;
        var length = segment.Length;
        var blocks = segment.Blocks;
        while (offset < length)
        {
            // A frame longer than a range is read to its end in one request: that covers its block alone.
            var range = new HttpRange(offset, Math.Max(rangeBytes, decoder.Missing));
            var piece = (await blob.DownloadContentAsync(new BlobDownloadOptions { Range = range })).Value;
            var bytes = piece.Content.ToMemory();
            if (bytes.Length == 0)
            {
                throw new InvalidDataException($"Plan log segment {segment.BlobName}: nothing at byte {offset} of {length}.");
            }
            decoder.Add(bytes.Span);
            offset += bytes.Length;
            length = TotalLength(piece.Details.ContentRange) ?? length;
            blocks = piece.Details.BlobCommittedBlockCount;
            if (decoder.Missing > length - offset)
            {
                throw new InvalidDataException($"Plan log segment {segment.BlobName}: a frame at byte {offset} runs {decoder.Missing} bytes past its end ({length}).");
            }
        }
        return (decoder.Finish(), segment with { Length = length, Blocks = blocks });
    }

    /// <summary>
    /// Starts segment <paramref name="firstVersion"/>, which says it will hold at most <paramref name="maxBlocks"/> blocks; one
    /// left empty by an earlier attempt is taken over, one with content is a conflict.
    /// </summary>
    public async Task<PlanLogSegment> Create(string slug, long firstVersion, int maxBlocks)
    {
        await EnsureContainer();
        var name = PlanLogSegments.BlobName(slug, firstVersion);
        var blob = container.GetAppendBlobClient(name);
        try
        {
            await blob.CreateAsync(new AppendBlobCreateOptions
            {
                Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { [MaxBlocksKey] = maxBlocks.ToString(CultureInfo.InvariantCulture) },
            });
            return new PlanLogSegment(name, firstVersion, 0, 0, maxBlocks);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var properties = (await blob.GetPropertiesAsync()).Value;
            if (properties.ContentLength != 0)
            {
                throw new InvalidOperationException($"Plan log segment {name} already holds {properties.ContentLength} bytes: another writer?", exception);
            }
            return new PlanLogSegment(name, firstVersion, 0, properties.BlobCommittedBlockCount, MaxBlocks(properties.Metadata));
        }
    }

    /// <summary>Appends one framed block where the segment ended; fails (412) if anyone else appended meanwhile.</summary>
    public async Task<PlanLogSegment> Append(PlanLogSegment segment, byte[] block)
    {
        var blob = container.GetAppendBlobClient(segment.BlobName);
        using var content = new MemoryStream(block, writable: false);
        var appended = await blob.AppendBlockAsync(content, new AppendBlobAppendBlockOptions
        {
            Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = segment.Length },
        });
        return segment with { Length = segment.Length + block.Length, Blocks = appended.Value.BlobCommittedBlockCount };
    }

    private static int? MaxBlocks(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(MaxBlocksKey, out var value)
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var maxBlocks) ? maxBlocks : null;

    /// <summary>The blob's whole length from a range answer's Content-Range ("bytes 0-4095/123456").</summary>
    private static long? TotalLength(string? contentRange) =>
        contentRange?.LastIndexOf('/') is { } slash and >= 0
        && long.TryParse(contentRange.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : null;

    /// <summary>Creates the container once; a failed attempt is tried again by the next call (two at once are harmless).</summary>
    private Task EnsureContainer()
    {
        var task = created;
        if (task is null || task.IsFaulted || task.IsCanceled)
        {
            created = task = container.CreateIfNotExistsAsync();
        }
        return task;
    }

    /// <summary>Stores the document of a named version (overwriting an unfinished earlier attempt with the same id).</summary>
    public async Task SaveVersion(string slug, long id, PlanModel model)
    {
        await EnsureContainer();
        await container.GetBlobClient(PlanLogSegments.VersionBlobName(slug, id))
            .UploadAsync(new BinaryData(serializer.SerializeToArray(model)), overwrite: true);
    }

    public async Task<PlanModel> ReadVersion(string slug, long id)
    {
        var download = await container.GetBlobClient(PlanLogSegments.VersionBlobName(slug, id)).DownloadContentAsync();
        return serializer.Deserialize<PlanModel>(download.Value.Content.ToMemory())
            ?? throw new InvalidDataException($"Named version {id} of plan {slug} is empty.");
    }
}
