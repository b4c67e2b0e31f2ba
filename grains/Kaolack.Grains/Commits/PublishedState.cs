using Kaolack.Contracts.Common;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Commits;

/// <summary>
/// Versioned grain state (<see cref="EntityState{TValue}"/>) published whole on the grain's topic: each change is
/// written as the next version (<see cref="StateWrites.WriteOrRollback"/>) and only then published. A deletion keeps the
/// version as a tombstone (events then carry the <see cref="EntityMeta"/>) and starts the journal afresh.
/// </summary>
public sealed class PublishedState<TValue> where TValue : class
{
    private readonly IPersistentState<EntityState<TValue>> store;
    private readonly string key;
    private readonly TimeProvider clock;
    private readonly Action deactivateOnIdle;

    /// <param name="key">The grain's key, as its <see cref="EntityMeta"/> names it.</param>
    /// <param name="view">What clients receive of a value, at the version the meta names.</param>
    /// <param name="deactivated">The grain's <c>GrainContext.Deactivated</c> (see <see cref="LivePublisher"/>).</param>
    /// <param name="deactivateOnIdle">The grain's <c>DeactivateOnIdle</c>.</param>
    public PublishedState(
        IPersistentState<EntityState<TValue>> store,
        string key,
        Topic topic,
        Task deactivated,
        Func<TValue, EntityMeta, object> view,
        TimeProvider clock,
        ILogger logger,
        Action deactivateOnIdle,
        int journalCapacity = LiveJournal.DefaultCapacity)
    {
        this.store = store;
        this.key = key;
        this.clock = clock;
        this.deactivateOnIdle = deactivateOnIdle;
        Live = LivePublisher.WithJournal(topic, deactivated, () => Version, () => Value is { } value ? view(value, Meta) : Meta, clock, logger, journalCapacity);
    }

    public LivePublisher Live { get; }

    public TValue? Value => store.State.Value;

    public long Version => store.State.Version;

    public EntityMeta Meta => new(key, store.State.Version, store.State.CreatedAt, store.State.UpdatedAt);

    /// <summary>Persists <paramref name="next"/> as the next version (null deletes), then publishes it. A failed write leaves everything as it was.</summary>
    public async Task Commit(TValue? next, ChangeKind change)
    {
        var previous = store.State;
        var now = clock.GetUtcNow();
        await store.WriteOrRollback(new EntityState<TValue>
        {
            Value = next,
            Version = previous.Version + 1,
            CreatedAt = change == ChangeKind.Created ? now : previous.CreatedAt,
            UpdatedAt = now,
        }, deactivateOnIdle);
        if (next is null)
        {
            Live.Forget();
        }
        await Live.PublishState(change, now);
    }
}
