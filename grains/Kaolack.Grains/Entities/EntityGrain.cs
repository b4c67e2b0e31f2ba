using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Common;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Utilities;

namespace Kaolack.Grains.Entities;

/// <summary>
/// What every entity grain does the same way: version every change, persist before answering,
/// tell live watchers, keep the directory current. Subclasses hold only their own rules.
/// </summary>
public abstract class EntityGrain<TValue> : Grain, ILiveSource where TValue : class
{
    private static readonly TimeSpan DirectoryRetryDelay = TimeSpan.FromSeconds(5);

    private readonly IPersistentState<EntityState<TValue>> store;
    private readonly ObserverManager<ILiveObserver> watchers;
    private readonly ILogger logger;
    private LiveJournal? journal;
    private IGrainTimer? directoryRetry;

    protected EntityGrain(IPersistentState<EntityState<TValue>> store, TimeProvider clock, ILogger logger)
    {
        this.store = store;
        this.logger = logger;
        Clock = clock;
        watchers = new ObserverManager<ILiveObserver>(LiveSubscriptions.Expiry, logger);
    }

    protected abstract EntityKind Kind { get; }

    /// <summary>"La coopérative", "Le projet"… for messages.</summary>
    protected abstract string DisplayName { get; }

    protected TimeProvider Clock { get; }

    protected string Slug => this.GetPrimaryKeyString();

    protected TValue? Current => store.State.Value;

    protected long Version => store.State.Version;

    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected EntityMeta Meta => new(Slug, store.State.Version, store.State.CreatedAt, store.State.UpdatedAt);

    private string TopicName => Topic.ForEntity(Kind, Slug).ToString();

    private LiveJournal Journal => journal ??= new LiveJournal(TopicName);

    /// <summary>What clients receive as the entity: the contract record for this kind.</summary>
    protected abstract object View(TValue value, EntityMeta meta);

    protected abstract DirectoryEntry ToDirectoryEntry(TValue value, EntityMeta meta);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Heals a directory that missed this entity's last change (a failed call, a crash in between),
        // a deletion included: a tombstone (Version > 0, no value) removes a listing left behind.
        if (Version > 0)
        {
            await PublishToDirectory();
            PublishToDashboards();
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public Task<long> Watch(ILiveObserver observer)
    {
        watchers.Subscribe(observer, observer);
        return Task.FromResult(Version);
    }

    public Task Unwatch(ILiveObserver observer)
    {
        watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        RequireRead(caller);
        return Task.FromResult(Journal.CatchUp(sinceVersion, Version, () => new LiveEvent(
            TopicName, Version, ChangeKind.Snapshot, Clock.GetUtcNow(), Current is null ? Meta : View(Current, Meta))));
    }

    /// <summary>Whether the caller may read this entity as it is now.</summary>
    protected abstract bool CanRead(Caller caller, TValue value);

    /// <summary>Refuses callers who may not read; an entity that does not exist reveals nothing but its absence.</summary>
    protected void RequireRead(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(Current is null ? AccessPolicy.CanReadDirectory(caller) : CanRead(caller, Current),
            "Vous n'avez pas accès à cette fiche.");
    }

    protected TValue RequireCurrent()
    {
        EnsureValidSlug();
        return Current ?? throw new EntityNotFoundException(DisplayName);
    }

    protected void RequireAbsent()
    {
        EnsureValidSlug();
        if (Current is not null)
        {
            throw new EntityExistsException(DisplayName);
        }
    }

    protected void CheckVersion(long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new VersionConflictException(expected, Version);
        }
    }

    /// <summary>
    /// Persists <paramref name="next"/> as the next version (null deletes) and only then tells anyone.
    /// If the write fails, the grain keeps its previous state and the caller gets the error: nothing is acknowledged.
    /// </summary>
    protected async Task Commit(TValue? next, ChangeKind change)
    {
        var state = store.State;
        var (previousValue, previousVersion, previousCreated, previousUpdated) = (state.Value, state.Version, state.CreatedAt, state.UpdatedAt);
        var now = Clock.GetUtcNow();
        state.Value = next;
        state.Version = previousVersion + 1;
        state.UpdatedAt = now;
        if (change == ChangeKind.Created)
        {
            state.CreatedAt = now;
        }
        try
        {
            await store.WriteStateAsync();
        }
        catch (Exception exception)
        {
            (state.Value, state.Version, state.CreatedAt, state.UpdatedAt) = (previousValue, previousVersion, previousCreated, previousUpdated);
            if (exception is InconsistentStateException)
            {
                // Another activation wrote meanwhile: reload from storage on the next call.
                DeactivateOnIdle();
            }
            throw;
        }

        var liveEvent = new LiveEvent(TopicName, state.Version, change, now, next is null ? Meta : View(next, Meta));
        if (next is null)
        {
            // Once deleted, no one's read access covers what the entity was (anyone may read its absence,
            // or create it again): catch-ups start from the deletion.
            journal = null;
        }
        Journal.Append(liveEvent);
        await watchers.Notify(watcher => watcher.OnLiveEvent(liveEvent));
        await PublishToDirectory();
        PublishToDashboards();
    }

    /// <summary>
    /// Tells the dashboards the committed state (the current value, or its absence), after every commit and on
    /// every activation so a dashboard that missed a change heals. One-way: dashboards are read models and never
    /// hold up or fail a change.
    /// </summary>
    protected virtual void PublishToDashboards()
    {
    }

    private void EnsureValidSlug()
    {
        if (!Contracts.Common.Slug.IsValid(Slug))
        {
            throw new ValidationFailedException("slug", "Identifiant invalide : lettres minuscules, chiffres et tirets, 80 caractères au plus.");
        }
    }

    private async Task PublishToDirectory()
    {
        var directory = GrainFactory.GetGrain<IDirectoryGrain>(Kind.Plural());
        try
        {
            if (Current is { } value)
            {
                await directory.Upsert(ToDirectoryEntry(value, Meta));
            }
            else
            {
                await directory.Remove(Slug, Version);
            }
            directoryRetry?.Dispose();
            directoryRetry = null;
        }
        catch (Exception exception) when (exception is not DomainException)
        {
            // The entity's change is durable already; the listing catches up when the retry succeeds.
            logger.LogWarning(exception, "Directory update for {Kind} {Slug} v{Version} failed; retrying", Kind, Slug, Version);
            directoryRetry ??= this.RegisterGrainTimer(
                PublishToDirectory,
                new GrainTimerCreationOptions(DirectoryRetryDelay, DirectoryRetryDelay) { KeepAlive = true });
        }
    }
}
