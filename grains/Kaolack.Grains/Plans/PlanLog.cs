using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Plans;

/// <summary>
/// One plan's op log, as its grain sees it: the segments (append blobs) in order, the append position of the last one,
/// when to start the next (<see cref="PlanLogSegments.MustRoll"/>), bounded reads, replay into a sequencer on activation,
/// older ranges for catch-up, and the documents of named versions kept beside it. Storage calls go through
/// <see cref="PlanLogStore"/>; the grain calls this one at a time for appends (its group commit), so the position holds.
/// </summary>
public sealed class PlanLog(PlanLogStore store, string slug, PlanStorageOptions options, UnreadablePlans unreadable, ILogger logger)
{
    private readonly List<PlanLogSegment> segments = [];

    /// <summary>The answer to an edit of a plan opened read-only (<see cref="Open"/> could not read its log).</summary>
    public static RuleViolationException ReadOnlyRefusal() => new(ErrorCodes.PlanReadOnlyRule,
        "Le journal de ce plan est illisible : le plan reste lisible à sa dernière version enregistrée, mais ne peut pas être modifié pour l'instant.");

    /// <summary>
    /// The plan on activation: a sequencer and history from <paramref name="snapshot"/> replayed to the log's last op; or, when
    /// the log cannot be read, left at the snapshot with the reason, logged as an error and reported to /health
    /// (<see cref="UnreadablePlans"/>), so that the plan is served read-only rather than not at all.
    /// </summary>
    public async Task<(PlanSequencer Sequencer, PlanHistory History, string? Unreadable)> Open(PlanState snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sequencer = new PlanSequencer(snapshot.Model, snapshot.Version, snapshot.Clients);
        try
        {
            var history = snapshot.History.With(await Replay(sequencer));
            unreadable.Clear(slug);
            logger.LogInformation("Plan {Slug}: snapshot v{Snapshot}, log replayed to v{Version}", slug, snapshot.Version, sequencer.Version);
            return (sequencer, history, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Plan {Slug}: its log cannot be read; serving snapshot v{Version} read-only", slug, snapshot.Version);
            unreadable.Report(slug, exception.Message);
            return (new PlanSequencer(snapshot.Model, snapshot.Version, snapshot.Clients), snapshot.History, exception.Message);
        }
    }

    /// <summary>
    /// Reads the segments that may hold ops after the sequencer's version, and the window before it, into the sequencer
    /// (<see cref="PlanSequencer.Restore"/>). Returns the records it replayed, those after that version, in order.
    /// </summary>
    /// <exception cref="InvalidDataException">A segment is damaged, the log jumps a version, or a logged op no longer applies.</exception>
    public async Task<IReadOnlyList<PlanLogRecord>> Replay(PlanSequencer sequencer)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        segments.Clear();
        segments.AddRange(await store.List(slug));
        var snapshotVersion = sequencer.Version;
        var windowStart = Math.Max(0, snapshotVersion - sequencer.WindowLimit);
        var toRead = PlanLogSegments.After(segments, windowStart);
        var index = segments.Count - toRead.Count;
        var records = new List<PlanLogRecord>();
        foreach (var segment in toRead)
        {
            var (read, readSegment) = await store.Read(segment, options.ReadMaxBlocks);
            segments[index++] = readSegment;
            records.AddRange(read.Where(r => r.Version > windowStart));
        }
        sequencer.Restore(records.Select(r => r.Change));
        return [.. records.Where(r => r.Version > snapshotVersion)];
    }

    /// <summary>Appends the batch to the last segment, starting a new one when it is full (each framed block is one atomic append).</summary>
    public async Task Append(IReadOnlyList<PlanLogRecord> batch)
    {
        foreach (var (firstVersion, bytes) in PlanLogFormat.Encode(store.Serializer, batch))
        {
            if (segments.Count == 0 || PlanLogSegments.MustRoll(segments[^1], bytes.Length, options))
            {
                segments.Add(await store.Create(slug, firstVersion, options.SegmentMaxBlocks));
            }
            var appended = await store.Append(segments[^1], bytes);
            // Indexed after the append: a prune meanwhile may have removed older segments (never this last one).
            segments[^1] = appended;
        }
    }

    /// <summary>The committed ops after <paramref name="afterVersion"/> up to <paramref name="upTo"/>, or null when the log does not hold them all.</summary>
    public async Task<List<PlanLogRecord>?> Read(long afterVersion, long upTo)
    {
        var records = new List<PlanLogRecord>();
        foreach (var segment in PlanLogSegments.After([.. segments], afterVersion))
        {
            if (segment.FirstVersion > upTo)
            {
                break;
            }
            records.AddRange((await store.Read(segment, options.ReadMaxBlocks)).Records);
        }
        return PlanLogSegments.Range(records, afterVersion, upTo);
    }

    /// <summary>
    /// Deletes the segments <see cref="PlanLogSegments.Prunable"/> names, as listed now; forgotten here first, so a catch-up
    /// meanwhile finds a gap (and sends a snapshot) rather than a missing blob. Returns how many it deleted.
    /// </summary>
    public async Task<int> Prune(long keepAfterVersion, DateTimeOffset writtenBefore)
    {
        var prunable = PlanLogSegments.Prunable(await store.List(slug), keepAfterVersion, writtenBefore);
        var names = prunable.Select(s => s.BlobName).ToHashSet(StringComparer.Ordinal);
        segments.RemoveAll(s => names.Contains(s.BlobName));
        foreach (var segment in prunable)
        {
            await store.Delete(segment);
        }
        if (prunable.Count > 0)
        {
            logger.LogInformation("Plan {Slug}: {Count} log segment(s) before v{Version} pruned", slug, prunable.Count, keepAfterVersion + 1);
        }
        return prunable.Count;
    }

    public Task SaveVersion(long id, PlanModel model) => store.SaveVersion(slug, id, model);

    public Task<PlanModel> ReadVersion(long id) => store.ReadVersion(slug, id);
}
