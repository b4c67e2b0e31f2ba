using System.Diagnostics;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Live;
using Kaolack.Grains.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Kaolack.Grains.Plans;

/// <summary>
/// Coordinates one plan document (<see cref="PlanKey"/>): its <see cref="PlanSequencer"/> (pure), its <see cref="PlanLog"/>
/// and snapshot (storage), its owner (who may edit it, who hears about commits), and who watches it. The grain is
/// reentrant so that ops arriving while a write is in flight are sequenced meanwhile and stored together by the next write
/// (<see cref="PlanCommits"/>); each is acknowledged, broadcast and served to readers only once durable. A plan whose log
/// cannot be read serves its last snapshot read-only (and /health names it).
/// </summary>
[Reentrant]
public sealed class PlanDocumentGrain(
    [PersistentState("plan", StorageNames.Documents)] IPersistentState<PlanState> store,
    PlanLogStore logStore,
    UnreadablePlans unreadable,
    LostWrites lostWrites,
    IOptions<PlanStorageOptions> storageOptions,
    TimeProvider clock,
    ILogger<PlanDocumentGrain> logger)
    : Grain, IPlanDocumentGrain
{
    private readonly PlanStorageOptions options = storageOptions.Value;
    private PlanSequencer sequencer = null!;
    private PlanLog log = null!;
    private PlanCommits commits = null!;
    private PlanSnapshots snapshots = null!;
    private PlanVersions versions = null!;
    private AuthorNames authors = null!;
    private IPlanOwner owner = null!;
    private PlanAccessCache access = null!;
    private LivePublisher live = null!;
    private PlanHistory history = PlanHistory.Empty;
    private string? readOnly;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        owner = PlanKey.Parse(Key).Owner(GrainFactory);
        (log, snapshots) = (new PlanLog(logStore, Key, options, unreadable, logger), new PlanSnapshots(store, DurableState, options, clock, logger, Key));
        (versions, authors, access) = (new PlanVersions(store.State.Versions), new AuthorNames(GrainFactory), new PlanAccessCache(owner, clock));
        (sequencer, history, readOnly) = await log.Open(store.State);
        commits = new PlanCommits(sequencer, log, OnCommitted, DeactivateOnIdle, logger, Key);
        // The journal holds the sequencer's window; older catch-ups are read from the log.
        live = LivePublisher.WithJournal(Topic.ForPlan(Key), GrainContext.Deactivated, () => commits.Version, Current, clock, logger, sequencer.WindowLimit);
        foreach (var change in sequencer.Window)
        {
            // No relay watches a new activation yet: this only fills the journal for catch-ups.
            await live.Publish(ToEvent(change));
        }
        // Interleaving: a tick that did not would hold back every call until the running ones end, and a commit in flight
        // waits for the live relays, which may call back here (catch-up): a deadlock.
        this.RegisterGrainTimer(OnTick, new GrainTimerCreationOptions(options.SnapshotInterval, options.SnapshotInterval) { Interleave = true });
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!commits.Broken)
        {
            await snapshots.OnDeactivate(commits.Version);
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<PlanAck> Submit(Caller caller, PlanSubmission submission)
    {
        var arrived = Stopwatch.GetTimestamp();
        PlanRules.ValidateSubmission(submission);
        var authorName = await RequireWriter(caller);
        PlanOutcome outcome;
        try
        {
            outcome = sequencer.Sequence(submission, caller.UserId, clock.GetUtcNow());
        }
        catch (RuleViolationException ahead) when (ahead.Rule == ErrorCodes.AheadOfServerRule)
        {
            ReportAhead(submission.BaseVersion, sequencer.Version);
            throw;
        }
        commits.Add(outcome.Change is { } change ? [change] : [], authorName);
        // A drop (or a duplicate's answer) rests on the document as it is now, whose last ops (the delete) may still be in
        // flight: answer only once they are durable, or a crash could bring the entity back after the client forgot its op.
        await commits.UntilDurable(outcome.Ack.Version ?? sequencer.Version);
        KaolackMetrics.AckLatency.Record(KaolackMetrics.SecondsSince(arrived));
        return outcome.Ack;
    }

    public async Task<PlanSnapshot> GetSnapshot(Caller caller)
    {
        await access.Require(caller, edit: false);
        return Current();
    }

    public async Task<PlanHistoryPage> GetHistory(Caller caller, string entityId, long? before, int limit)
    {
        PlanHistory.ValidatePage(entityId, before, limit);
        await access.Require(caller, edit: false);
        return history.Page(entityId, before, limit);
    }

    public async Task<PlanVersionInfo> SaveVersion(Caller caller, string name)
    {
        var validName = PlanVersions.ValidName(name);
        var authorName = await RequireWriter(caller);
        // The version saved holds every op applied before the request, all durable.
        await commits.UntilDurable(sequencer.Version);
        var model = commits.Model;
        return await versions.Save(validName, commits.Version, caller.UserId, authorName, clock.GetUtcNow(), async id =>
        {
            await log.SaveVersion(id, model);
            await snapshots.Write();
        });
    }

    public async Task<PlanVersionInfo[]> ListVersions(Caller caller)
    {
        await access.Require(caller, edit: false);
        return versions.All;
    }

    public async Task<PlanVersionView> GetVersion(Caller caller, long id)
    {
        await access.Require(caller, edit: false);
        var info = versions.Find(id);
        return new PlanVersionView(info, (await log.ReadVersion(info.Id)).ToDocument());
    }

    public async Task<PlanSnapshot> RestoreVersion(Caller caller, long id)
    {
        var authorName = await RequireWriter(caller);
        var info = versions.Find(id);
        var saved = await log.ReadVersion(info.Id);
        // No await between the diff and its sequencing: the diff is against the model the ops are applied to.
        var ops = PlanDiff.Ops(sequencer.Model, saved, $"r{sequencer.Version + 1}");
        commits.Add(sequencer.SequenceAll($"restore-{info.Id}-{Guid.NewGuid():N}", ops, caller.UserId, clock.GetUtcNow()), authorName);
        await commits.UntilDurable(sequencer.Version);
        return Current();
    }

    public async Task AccessChanged()
    {
        access.Forget();
        // The presence shows where readers are: it forgets too, and its relays check again.
        await GrainFactory.GetGrain<IPlanPresenceGrain>(Key).AccessChanged();
        await live.AccessChanged();
    }

    public Task<int> PruneLog() =>
        // What activation replays starts after the snapshot's window; a read-only plan's log is left as it is.
        readOnly is null
            ? log.Prune(Math.Max(0, snapshots.Version - sequencer.WindowLimit), clock.GetUtcNow() - options.KeepLogFor)
            : Task.FromResult(0);

    public Task<long> Watch(ILiveObserver observer) => live.Watch(observer);

    public Task Unwatch(ILiveObserver observer) => live.Unwatch(observer);

    public async Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        await access.Require(caller, edit: false);
        if (sinceVersion > commits.Version)
        {
            // The answer (a snapshot at the stored version) tells the client; whoever runs the service is told here.
            ReportAhead(sinceVersion.Value, commits.Version);
        }
        // Older than the window in memory: the log still has it (unless segments were lost), cheaper than a snapshot for the client.
        return await live.CatchUp(caller, sinceVersion, async (after, upTo) =>
            upTo - after <= options.CatchUpFromLogLimit && await log.Read(after, upTo) is { } records ? [.. records.Select(r => ToEvent(r.Change))] : null);
    }

    /// <summary>A client saw <paramref name="seen"/>, the plan stores <paramref name="stored"/>: the store lost acknowledged ops.</summary>
    private void ReportAhead(long seen, long stored)
    {
        if (lostWrites.Report(live.Topic, seen, stored))
        {
            logger.LogError("Plan {Key}: a client saw v{Seen}, the store has v{Stored}: acknowledged ops were lost by the store", Key, seen, stored);
        }
    }

    /// <summary>The plan as readers see it: durable, nothing later.</summary>
    private PlanSnapshot Current() => new(commits.Version, commits.Model.ToDocument());

    /// <summary>The durable state as it is now: model, the sessions whose acks are stored, history and named versions.</summary>
    private PlanState DurableState() => new()
    {
        Version = commits.Version,
        Model = commits.Model,
        Clients = sequencer.ClientsUpTo(commits.Version),
        History = history,
        Versions = versions.All,
    };

    /// <summary>Refused unless the caller edits the plan and it is not read-only; the caller's display name.</summary>
    private async Task<string> RequireWriter(Caller caller)
    {
        await access.Require(caller, edit: true);
        return readOnly is null ? await authors.Of(caller) : throw PlanLog.ReadOnlyRefusal();
    }

    /// <summary>
    /// The one place a durable batch goes out: history, live watchers, presence cursors, the plan's owner, then a snapshot
    /// when due. Anything else that follows committed changes hooks here.
    /// </summary>
    private async Task OnCommitted(PlanLogRecord[] batch)
    {
        history = history.With(batch);
        foreach (var record in batch)
        {
            await live.Publish(ToEvent(record.Change));
            // One-way: cursors of those present follow the edit; presence never holds the plan up.
            _ = GrainFactory.GetGrain<IPlanPresenceGrain>(Key).OnPlanChange(record.Change);
        }
        _ = owner.PlanCommitted(PlanFactsRules.From(commits.Model, commits.Version, clock.GetUtcNow()));
        snapshots.AfterCommit(commits.Version);
    }

    /// <summary>A snapshot when one is due by time; a read-only plan deactivates when idle, so the next call reads its log again.</summary>
    private Task OnTick(CancellationToken cancellationToken)
    {
        if (readOnly is not null)
        {
            DeactivateOnIdle();
        }
        return readOnly is null && !commits.Broken ? snapshots.OnTick(commits.Version) : Task.CompletedTask;
    }

    private LiveEvent ToEvent(PlanChange change) => new(live.Topic, change.Version, ChangeKind.Updated, change.At, change);
}
