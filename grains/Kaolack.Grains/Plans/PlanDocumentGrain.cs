using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Common;
using Kaolack.Grains.Dashboard;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace Kaolack.Grains.Plans;

/// <summary>
/// The single sequencer of a project's plan. Each op is transformed over the ops applied since its base
/// version, applied, and acknowledged only once persisted. The grain is reentrant so that ops arriving
/// while a write is in flight are applied meanwhile and persisted together by the next write (group
/// commit): throughput does not fall to one storage write per op. A write appends the batch to the plan's
/// op log (<see cref="PlanLogStore"/>); the snapshot (grain state) follows every so many ops or seconds and on
/// deactivation, and activation replays the log after it. Nothing is broadcast or served to readers before it is durable.
/// </summary>
[Reentrant]
public sealed class PlanDocumentGrain(
    [PersistentState("plan", StorageNames.Documents)] IPersistentState<PlanState> store,
    PlanLogStore planLog,
    IOptions<PlanStorageOptions> storageOptions,
    TimeProvider clock,
    ILogger<PlanDocumentGrain> logger)
    : Grain, IPlanDocumentGrain
{
    /// <summary>Ops kept in memory for transforming late ops and for catch-up; older ones are read from the log.</summary>
    public const int LogLimit = PlanSequencer.DefaultWindow;

    public const int MaxVersionNameLength = 80;

    public const int MaxVersions = 200;

    private const int AuthorNameLimit = 1000;

    private readonly PlanStorageOptions options = storageOptions.Value;
    private readonly ObserverManager<ILiveObserver> watchers = new(LiveSubscriptions.Expiry, logger);
    private readonly List<PlanLogRecord> pending = [];
    private readonly List<PlanLogSegment> segments = [];
    private readonly Dictionary<string, string> authorNames = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim snapshotLock = new(1, 1);
    private PlanSequencer sequencer = new(PlanModel.Empty, 0);
    private LiveJournal journal = null!;
    private PlanModel persistedModel = PlanModel.Empty;
    private PlanHistory history = PlanHistory.Empty;
    private List<PlanVersionInfo> versions = [];
    private long persistedVersion;
    private long publishedVersion;
    private long snapshotVersion;
    private DateTimeOffset snapshotAt;
    private Task? flush;
    private bool logBroken;
    private IPlanPresenceGrain? presenceGrain;
    private ProjectAccessCache? access;

    private string Slug => this.GetPrimaryKeyString();

    private string TopicName => Topic.ForPlan(Slug).ToString();

    private IPlanPresenceGrain Presence => presenceGrain ??= GrainFactory.GetGrain<IPlanPresenceGrain>(Slug);

    private ProjectAccessCache Access => access ??= new ProjectAccessCache(GrainFactory, Slug, clock);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var state = store.State;
        snapshotVersion = state.Version;
        sequencer = new PlanSequencer(state.Model, state.Version, state.Clients);
        history = state.History;
        versions = [.. state.Versions];
        snapshotAt = clock.GetUtcNow();
        await ReplayLog();
        persistedVersion = publishedVersion = sequencer.Version;
        persistedModel = sequencer.Model;
        journal = new LiveJournal(TopicName, LogLimit);
        foreach (var change in sequencer.Window)
        {
            journal.Append(ToEvent(change));
        }
        // Interleaving: a tick that did not would hold back every call until the running ones end, and a commit in flight
        // waits for the live relays, which may call back here (catch-up): a deadlock.
        this.RegisterGrainTimer(SnapshotIfDue, new GrainTimerCreationOptions(options.SnapshotInterval, options.SnapshotInterval) { Interleave = true });
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!logBroken && persistedVersion > snapshotVersion)
        {
            await TrySnapshot();
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<PlanAck> Submit(Caller caller, PlanSubmission submission)
    {
        PlanRules.ValidateSubmission(submission);
        await RequireAccess(caller, edit: true);
        var authorName = await AuthorName(caller);
        var outcome = sequencer.Sequence(submission, caller.UserId, clock.GetUtcNow());
        if (outcome.Change is { } change)
        {
            pending.Add(new PlanLogRecord(change, authorName));
        }
        // A drop (or a duplicate's answer) rests on the document as it is now, whose last ops (the delete) may still be in
        // flight: answer only once they are durable, or a crash could bring the entity back after the client forgot its op.
        await UntilPersisted(outcome.Ack.Version ?? sequencer.Version);
        return outcome.Ack;
    }

    public async Task<PlanSnapshot> GetSnapshot(Caller caller)
    {
        await RequireAccess(caller, edit: false);
        return Snapshot();
    }

    public async Task<PlanHistoryPage> GetHistory(Caller caller, string entityId, long? before, int limit)
    {
        var v = new Validation();
        if (!PlanRules.IsId(entityId))
        {
            v.Add("entity", $"Identifiant d'élément attendu : {PlanRules.MaxIdLength} caractères au plus, lettres, chiffres, - et _.");
        }
        v.Range("limit", limit, 1, PlanHistory.MaxPageSize);
        if (before is { } b)
        {
            v.Range("before", b, 1, long.MaxValue);
        }
        v.ThrowIfInvalid();
        await RequireAccess(caller, edit: false);
        return history.Page(entityId, before, limit);
    }

    public async Task<PlanVersionInfo> SaveVersion(Caller caller, string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxVersionNameLength)
        {
            throw new ValidationFailedException("name", $"Nom de version attendu : 1 à {MaxVersionNameLength} caractères.");
        }
        await RequireAccess(caller, edit: true);
        var authorName = await AuthorName(caller);
        // The version saved holds every op applied before the request, all durable.
        await UntilPersisted(sequencer.Version);
        if (versions.Any(saved => string.Equals(saved.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new EntityExistsException($"La version « {trimmed} »");
        }
        if (versions.Count >= MaxVersions)
        {
            throw new RuleViolationException("plan-version-limit", $"{MaxVersions} versions nommées au plus par plan.");
        }
        var info = new PlanVersionInfo(versions.Count == 0 ? 1 : versions[^1].Id + 1, trimmed, persistedVersion, caller.UserId, authorName, clock.GetUtcNow());
        // Listed at once so a concurrent save of the same name is refused; withdrawn if it cannot be stored.
        versions.Add(info);
        try
        {
            await planLog.SaveVersion(Slug, info.Id, persistedModel);
            await WriteSnapshot();
        }
        catch
        {
            versions.Remove(info);
            throw;
        }
        return info;
    }

    public async Task<PlanVersionInfo[]> ListVersions(Caller caller)
    {
        await RequireAccess(caller, edit: false);
        return [.. versions];
    }

    public async Task<PlanVersionView> GetVersion(Caller caller, long id)
    {
        await RequireAccess(caller, edit: false);
        var info = FindVersion(id);
        return new PlanVersionView(info, (await planLog.ReadVersion(Slug, info.Id)).ToDocument());
    }

    public async Task<PlanSnapshot> RestoreVersion(Caller caller, long id)
    {
        await RequireAccess(caller, edit: true);
        var authorName = await AuthorName(caller);
        var info = FindVersion(id);
        var saved = await planLog.ReadVersion(Slug, info.Id);

        // No await between the diff and its sequencing: the diff is against the model the ops are applied to.
        var ops = PlanDiff.Ops(sequencer.Model, saved, $"r{sequencer.Version + 1}");
        var changes = sequencer.SequenceAll($"restore-{info.Id}-{Guid.NewGuid():N}", ops, caller.UserId, clock.GetUtcNow());
        pending.AddRange(changes.Select(change => new PlanLogRecord(change, authorName)));
        await UntilPersisted(sequencer.Version);
        return Snapshot();
    }

    public Task<long> Watch(ILiveObserver observer)
    {
        watchers.Subscribe(observer, observer);
        return Task.FromResult(persistedVersion);
    }

    public Task Unwatch(ILiveObserver observer)
    {
        watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        await RequireAccess(caller, edit: false);
        var upTo = publishedVersion;
        if (sinceVersion is { } since && since >= 0 && since < upTo && !journal.Holds(since, upTo) && upTo - since <= options.CatchUpFromLogLimit)
        {
            // Older than the window in memory: the log still has it (unless segments were lost), cheaper than a snapshot for the client.
            if (await ReadLog(since, upTo) is { } records)
            {
                return new CatchUp(TopicName, upTo, [.. records.Select(r => ToEvent(r.Change))]);
            }
        }
        return journal.CatchUp(sinceVersion, upTo,
            () => new LiveEvent(TopicName, persistedVersion, ChangeKind.Snapshot, clock.GetUtcNow(), Snapshot()));
    }

    private PlanSnapshot Snapshot() => new(persistedVersion, persistedModel.ToDocument());

    private PlanVersionInfo FindVersion(long id) =>
        versions.FirstOrDefault(v => v.Id == id) ?? throw new EntityNotFoundException("La version nommée");

    /// <summary>Waits until <paramref name="target"/> is durable, starting a write when none is under way (one write carries every op applied before it starts).</summary>
    private async Task UntilPersisted(long target)
    {
        if (target > sequencer.Version)
        {
            // Nothing can make an op durable that was never sequenced: fail loudly rather than wait forever.
            throw new InvalidOperationException($"Plan {Slug}: v{target} awaited but the plan is at v{sequencer.Version}.");
        }
        while (persistedVersion < target)
        {
            // A write that finished without yielding (its `finally` ran before this assignment) must not be awaited
            // again: it would complete at once, forever, and spin the activation.
            if (flush is not { IsCompleted: false })
            {
                flush = Flush();
            }
            await flush;
        }
    }

    private async Task Flush()
    {
        var committedModel = sequencer.Model;
        // Ops sequenced while this write is under way go with the next one.
        var batch = pending.ToArray();
        pending.Clear();
        var upTo = sequencer.Version;
        try
        {
            if (logBroken)
            {
                throw new InvalidOperationException($"Plan {Slug}: an earlier log append failed; the plan reloads.");
            }
            await Append(batch);
        }
        catch (Exception exception)
        {
            // Ops applied in memory but not stored were never acknowledged: drop them all by reloading.
            logger.LogError(exception, "Plan {Slug}: append of v{From}–v{Version} failed; reloading from storage", Slug, persistedVersion + 1, upTo);
            logBroken = true;
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            flush = null;
        }
        persistedVersion = upTo;
        persistedModel = committedModel;
        await OnCommitted(batch);
    }

    /// <summary>Appends the batch to the last segment, starting a new one when it is full (each framed block is atomic).</summary>
    private async Task Append(PlanLogRecord[] batch)
    {
        foreach (var (firstVersion, bytes) in PlanLogFormat.Encode(planLog.Serializer, batch))
        {
            if (segments.Count == 0 || PlanLogSegments.MustRoll(segments[^1], bytes.Length, options))
            {
                segments.Add(await planLog.Create(Slug, firstVersion));
            }
            segments[^1] = await planLog.Append(segments[^1], bytes);
        }
    }

    /// <summary>
    /// The one place a durable batch goes out: history, live watchers, presence cursors, then a snapshot when due.
    /// Anything else that follows committed changes hooks here.
    /// </summary>
    private async Task OnCommitted(PlanLogRecord[] batch)
    {
        history = history.With(batch);
        foreach (var record in batch)
        {
            var liveEvent = ToEvent(record.Change);
            journal.Append(liveEvent);
            await watchers.Notify(watcher => watcher.OnLiveEvent(liveEvent));
            // One-way: cursors of those present follow the edit; presence never holds the plan up.
            _ = Presence.OnPlanChange(record.Change);
        }
        publishedVersion = Math.Max(publishedVersion, batch.Length == 0 ? 0 : batch[^1].Version);
        if (!WorkshopNotes.TryWorkshopOf(Slug, out _))
        {
            // A project's plan feeds its dashboard summary; a workshop's notes have none.
            DashboardFeed.PlanCommitted(GrainFactory, Slug, persistedModel, publishedVersion, clock.GetUtcNow(), logger);
        }
        if (persistedVersion - snapshotVersion >= options.SnapshotEveryOps && snapshotLock.CurrentCount > 0)
        {
            // In the background: the log already makes the batch durable; the snapshot only shortens replay.
            _ = TrySnapshot();
        }
    }

    private async Task SnapshotIfDue(CancellationToken cancellationToken)
    {
        if (!logBroken && persistedVersion > snapshotVersion && clock.GetUtcNow() - snapshotAt >= options.SnapshotInterval)
        {
            await TrySnapshot();
        }
    }

    private async Task TrySnapshot()
    {
        try
        {
            await WriteSnapshot();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Plan {Slug}: snapshot at v{Version} failed; the log still holds every op", Slug, persistedVersion);
        }
    }

    /// <summary>Writes the durable state as it is now: model, the sessions whose acks are stored, history and named versions.</summary>
    private async Task WriteSnapshot()
    {
        await snapshotLock.WaitAsync();
        try
        {
            var at = persistedVersion;
            store.State = new PlanState
            {
                Version = at,
                Model = persistedModel,
                Clients = sequencer.ClientsUpTo(at),
                History = history,
                Versions = [.. versions],
            };
            await store.WriteStateAsync();
            snapshotVersion = at;
            snapshotAt = clock.GetUtcNow();
        }
        finally
        {
            snapshotLock.Release();
        }
    }

    /// <summary>Reads the segments that may hold ops after the snapshot (and the window before it), replaying those after it.</summary>
    private async Task ReplayLog()
    {
        segments.AddRange(await planLog.List(Slug));
        var windowStart = Math.Max(0, snapshotVersion - LogLimit);
        var toRead = PlanLogSegments.After(segments, windowStart);
        var index = segments.Count - toRead.Count;
        var records = new List<PlanLogRecord>();
        foreach (var segment in toRead)
        {
            var (read, readSegment) = await planLog.Read(segment);
            segments[index++] = readSegment;
            records.AddRange(read.Where(r => r.Version > windowStart));
        }
        sequencer.Restore(records.Select(r => r.Change));
        history = history.With(records.Where(r => r.Version > snapshotVersion));
        logger.LogInformation("Plan {Slug}: snapshot v{Snapshot}, log replayed to v{Version} ({Window} ops in memory)", Slug, snapshotVersion, sequencer.Version, sequencer.Window.Count);
    }

    /// <summary>The committed ops after <paramref name="afterVersion"/> up to <paramref name="upTo"/> from the log, or null when it does not hold them all.</summary>
    private async Task<List<PlanLogRecord>?> ReadLog(long afterVersion, long upTo)
    {
        var records = new List<PlanLogRecord>();
        foreach (var segment in PlanLogSegments.After([.. segments], afterVersion))
        {
            if (segment.FirstVersion > upTo)
            {
                break;
            }
            records.AddRange((await planLog.Read(segment)).Records);
        }
        return PlanLogSegments.Range(records, afterVersion, upTo);
    }

    private LiveEvent ToEvent(PlanChange change) => new(TopicName, change.Version, ChangeKind.Updated, change.At, change);

    /// <summary>The account's display name, asked once per activation (history and named versions show it next to the e-mail).</summary>
    private async Task<string> AuthorName(Caller caller)
    {
        if (authorNames.TryGetValue(caller.UserId, out var known))
        {
            return known;
        }
        var account = caller.UserId == Caller.SystemId ? null : await GrainFactory.GetGrain<IUserGrain>(caller.UserId).Get();
        var name = account?.DisplayName is { Length: > 0 } displayName ? displayName : caller.UserId;
        if (authorNames.Count >= AuthorNameLimit)
        {
            authorNames.Clear();
        }
        authorNames[caller.UserId] = name;
        return name;
    }

    /// <summary>Project readers read the plan, its owners and editors edit it; answers are cached a few seconds per caller.</summary>
    private Task RequireAccess(Caller caller, bool edit) => Access.Require(caller, edit);
}
