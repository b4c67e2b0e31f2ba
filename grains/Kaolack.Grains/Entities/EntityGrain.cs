using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Common;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Entities;

/// <summary>
/// What every entity grain does the same way: version every change, persist before answering,
/// tell live watchers, keep the directory current. Subclasses hold only their own rules.
/// </summary>
public abstract class EntityGrain<TValue> : Grain, ILiveSource where TValue : class
{
    private static readonly TimeSpan DirectoryRetryDelay = TimeSpan.FromSeconds(5);

    private readonly IPersistentState<EntityState<TValue>> store;
    private readonly ILogger logger;
    private PublishedState<TValue>? state;
    private IGrainTimer? directoryRetry;

    protected EntityGrain(IPersistentState<EntityState<TValue>> store, TimeProvider clock, ILogger logger)
    {
        this.store = store;
        this.logger = logger;
        Clock = clock;
    }

    protected abstract EntityKind Kind { get; }

    /// <summary>"La coopérative", "Le projet"… for messages.</summary>
    protected abstract string DisplayName { get; }

    protected TimeProvider Clock { get; }

    protected ILogger Logger => logger;

    protected string Slug => this.GetPrimaryKeyString();

    protected TValue? Current => State.Value;

    protected long Version => State.Version;

    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected EntityMeta Meta => State.Meta;

    private PublishedState<TValue> State => state ??= new PublishedState<TValue>(
        store, Slug, Topic.ForEntity(Kind, Slug), GrainContext.Deactivated, View, Clock, logger, DeactivateOnIdle);

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

    public Task<long> Watch(ILiveObserver observer) => State.Live.Watch(observer);

    public Task Unwatch(ILiveObserver observer) => State.Live.Unwatch(observer);

    public Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        RequireRead(caller);
        return Task.FromResult(State.Live.CatchUp(caller, sinceVersion));
    }

    /// <summary>Whether the caller may read this entity as it is now.</summary>
    protected abstract bool CanRead(Caller caller, TValue value);

    /// <summary>Refuses callers who may not read; an entity that does not exist reveals nothing but its absence.</summary>
    protected virtual void RequireRead(Caller caller)
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
        await State.Commit(next, change);
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
