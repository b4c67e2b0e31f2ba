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
/// </summary>
public sealed class PlanLogStore(BlobContainerClient container, Serializer serializer)
{
    private Task? created;

    public Serializer Serializer => serializer;

    /// <summary>The plan's log segments, in version order.</summary>
    public async Task<List<PlanLogSegment>> List(string slug)
    {
        await EnsureContainer();
        var segments = new List<PlanLogSegment>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, PlanLogSegments.Prefix(slug), CancellationToken.None))
        {
            if (PlanLogSegments.TryParseFirstVersion(slug, blob.Name, out var first))
            {
                segments.Add(new PlanLogSegment(blob.Name, first, blob.Properties.ContentLength ?? 0, 0));
            }
        }
        return [.. segments.OrderBy(s => s.FirstVersion)];
    }

    /// <summary>A segment's records and its size now (the writer appends after it).</summary>
    public async Task<(List<PlanLogRecord> Records, PlanLogSegment Segment)> Read(PlanLogSegment segment)
    {
        var blob = container.GetAppendBlobClient(segment.BlobName);
        var download = await blob.DownloadContentAsync();
        var bytes = download.Value.Content.ToMemory();
        var blocks = download.Value.Details.BlobCommittedBlockCount;
        return (PlanLogFormat.Decode(serializer, bytes), segment with { Length = bytes.Length, Blocks = blocks });
    }

    /// <summary>Starts segment <paramref name="firstVersion"/>; one left empty by an earlier attempt is taken over, one with content is a conflict.</summary>
    public async Task<PlanLogSegment> Create(string slug, long firstVersion)
    {
        await EnsureContainer();
        var name = PlanLogSegments.BlobName(slug, firstVersion);
        var blob = container.GetAppendBlobClient(name);
        try
        {
            await blob.CreateAsync(new AppendBlobCreateOptions { Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All } });
            return new PlanLogSegment(name, firstVersion, 0, 0);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var properties = (await blob.GetPropertiesAsync()).Value;
            if (properties.ContentLength != 0)
            {
                throw new InvalidOperationException($"Plan log segment {name} already holds {properties.ContentLength} bytes: another writer?", exception);
            }
            return new PlanLogSegment(name, firstVersion, 0, properties.BlobCommittedBlockCount);
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
