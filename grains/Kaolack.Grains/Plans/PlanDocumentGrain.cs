using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Grains.Dashboard;
using Kaolack.Grains.Domain;
using Kaolack.Grains.Live;
using Kaolack.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace Kaolack.Grains.Plans;

/// <summary>
/// The single sequencer of a project's plan. Each op is transformed over the ops applied since its base
/// version, applied, and acknowledged only once persisted. The grain is reentrant so that ops arriving
/// while a write is in flight are applied meanwhile and persisted together by the next write (group
/// commit): throughput does not fall to one storage write per op. Nothing is broadcast or served to
/// readers before it is durable.
/// </summary>
[Reentrant]
public sealed class PlanDocumentGrain(
    [PersistentState("plan", StorageNames.Documents)] IPersistentState<PlanState> store,
    TimeProvider clock,
    ILogger<PlanDocumentGrain> logger)
    : Grain, IPlanDocumentGrain
{
    /// <summary>Ops kept for transforming late ops and for catch-up; older clients resync from a snapshot.</summary>
    public const int LogLimit = 2000;

    /// <summary>Client sessions remembered for idempotent resubmission.</summary>
    public const int ClientLimit = 2000;

    private readonly ObserverManager<ILiveObserver> watchers = new(LiveSubscriptions.Expiry, logger);
    private readonly List<PlanChange> log = [];
    private Dictionary<string, ClientRecord> clients = new(StringComparer.Ordinal);
    private LiveJournal journal = null!;
    private PlanModel model = PlanModel.Empty;
    private PlanModel persistedModel = PlanModel.Empty;
    private long version;
    private long persistedVersion;
    private long publishedVersion;
    private Task? flush;
    private IPlanPresenceGrain? presenceGrain;
    private ProjectAccessCache? access;

    private string Slug => this.GetPrimaryKeyString();

    private string TopicName => Topic.ForPlan(Slug).ToString();

    private IPlanPresenceGrain Presence => presenceGrain ??= GrainFactory.GetGrain<IPlanPresenceGrain>(Slug);

    private ProjectAccessCache Access => access ??= new ProjectAccessCache(GrainFactory, Slug, clock);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var state = store.State;
        version = persistedVersion = publishedVersion = state.Version;
        model = persistedModel = state.Model;
        log.AddRange(state.Log);
        clients = new Dictionary<string, ClientRecord>(state.Clients, StringComparer.Ordinal);
        journal = new LiveJournal(TopicName, LogLimit);
        foreach (var change in log)
        {
            journal.Append(ToEvent(change));
        }
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<PlanAck> Submit(Caller caller, PlanSubmission submission)
    {
        ValidateSubmission(submission);
        await RequireAccess(caller, edit: true);

        if (clients.TryGetValue(submission.ClientId, out var previous) && submission.Seq <= previous.Seq)
        {
            if (submission.Seq < previous.Seq)
            {
                throw new ValidationFailedException("seq", $"Opération {submission.Seq} déjà traitée (dernière : {previous.Seq}).");
            }
            // A drop rests on the document as it is now, which may not all be stored yet.
            await UntilPersisted(previous.Ack.Version ?? version);
            return previous.Ack;
        }
        if (submission.BaseVersion > version)
        {
            throw new ValidationFailedException("baseVersion", $"Version {submission.BaseVersion} inconnue (actuelle : {version}).");
        }
        var oldestHeld = log.Count == 0 ? version + 1 : log[0].Version;
        if (submission.BaseVersion < oldestHeld - 1)
        {
            throw new RuleViolationException("resync", "Trop de modifications depuis votre version : rechargez le plan (abonnement sans version) puis réessayez.");
        }

        var op = submission.Op;
        foreach (var change in log.Where(c => c.Version > submission.BaseVersion))
        {
            op = PlanRules.Transform(op, change.Op);
        }
        var (next, dropped) = PlanRules.Apply(model, op);
        if (dropped is not null)
        {
            var droppedAck = new PlanAck(null, dropped);
            Remember(submission, droppedAck);
            // The drop rests on ops that may still be in flight (the delete): answer only once they are durable,
            // or a crash could bring the entity back after the client was told to forget its op.
            await UntilPersisted(version);
            return droppedAck;
        }

        model = next;
        version++;
        log.Add(new PlanChange(version, submission.ClientId, submission.Seq, caller.UserId, op, clock.GetUtcNow()));
        if (log.Count > LogLimit)
        {
            log.RemoveRange(0, log.Count - LogLimit);
        }
        var ack = new PlanAck(version, null);
        Remember(submission, ack);
        await UntilPersisted(version);
        return ack;
    }

    public async Task<PlanSnapshot> GetSnapshot(Caller caller)
    {
        await RequireAccess(caller, edit: false);
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
        return journal.CatchUp(sinceVersion, publishedVersion,
            () => new LiveEvent(TopicName, persistedVersion, ChangeKind.Snapshot, clock.GetUtcNow(), Snapshot()));
    }

    private PlanSnapshot Snapshot() => new(persistedVersion, persistedModel.ToDocument());

    private static void ValidateSubmission(PlanSubmission submission)
    {
        var v = new Validation();
        if (submission is null)
        {
            throw new ValidationFailedException("submission", "Soumission manquante.");
        }
        if (string.IsNullOrEmpty(submission.ClientId) || submission.ClientId.Length > 64)
        {
            v.Add("clientId", "Identifiant de client attendu (64 caractères au plus).");
        }
        v.Range("seq", submission.Seq, 1, long.MaxValue);
        v.Range("baseVersion", submission.BaseVersion, 0, long.MaxValue);
        v.ThrowIfInvalid();
        PlanRules.Validate(submission.Op);
    }

    private void Remember(PlanSubmission submission, PlanAck ack)
    {
        clients[submission.ClientId] = new ClientRecord(submission.Seq, ack, clock.GetUtcNow());
        if (clients.Count > ClientLimit)
        {
            foreach (var stale in clients.OrderBy(c => c.Value.At).Take(clients.Count - ClientLimit).Select(c => c.Key).ToList())
            {
                clients.Remove(stale);
            }
        }
    }

    /// <summary>Waits until <paramref name="target"/> is durable, starting a write when none is under way (one write carries every op applied before it starts).</summary>
    private async Task UntilPersisted(long target)
    {
        while (persistedVersion < target)
        {
            flush ??= Flush();
            await flush;
        }
    }

    private async Task Flush()
    {
        var upTo = version;
        var snapshotModel = model;
        store.State = new PlanState
        {
            Version = upTo,
            Model = snapshotModel,
            Log = [.. log.Where(c => c.Version <= upTo)],
            Clients = new Dictionary<string, ClientRecord>(clients, StringComparer.Ordinal),
        };
        try
        {
            await store.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // Ops applied in memory but not stored were never acknowledged: drop them all by reloading.
            logger.LogError(exception, "Plan {Slug}: write of v{Version} failed; reloading from storage", Slug, upTo);
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            flush = null;
        }
        persistedVersion = upTo;
        persistedModel = snapshotModel;
        await Publish(upTo);
        DashboardFeed.PlanCommitted(GrainFactory, Slug, snapshotModel, upTo, clock.GetUtcNow(), logger);
    }

    private async Task Publish(long upTo)
    {
        foreach (var change in log.Where(c => c.Version > publishedVersion && c.Version <= upTo))
        {
            var liveEvent = ToEvent(change);
            journal.Append(liveEvent);
            await watchers.Notify(watcher => watcher.OnLiveEvent(liveEvent));
            // One-way: cursors of those present follow the edit; presence never holds the plan up.
            _ = Presence.OnPlanChange(change);
        }
        publishedVersion = upTo;
    }

    private LiveEvent ToEvent(PlanChange change) => new(TopicName, change.Version, ChangeKind.Updated, change.At, change);

    /// <summary>Project readers read the plan, its owners and editors edit it; answers are cached a few seconds per caller.</summary>
    private Task RequireAccess(Caller caller, bool edit) => Access.Require(caller, edit);
}
