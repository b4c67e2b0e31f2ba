using Kaolack.Contracts.Common;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Commits;

/// <summary>
/// Versioned grain state (<see cref="EntityState{TValue}"/>) for a reentrant grain that takes many small changes at once:
/// each change is applied in memory at once (the next one starts from it) and stored by a group commit
/// (<see cref="GroupCommit{TWritten}"/>), so a burst of N changes costs a few writes, not N. Each write is one version,
/// published once durable as the change from the previous write (or whole, when created); a deletion keeps the version
/// as a tombstone and starts the journal afresh. Reads, catch-ups and events only ever show what is stored
/// (<see cref="Value"/>); changes are checked against what was applied (<see cref="Applied"/>).
/// </summary>
public sealed class GroupCommittedState<TValue> where TValue : class
{
    private readonly IPersistentState<EntityState<TValue>> store;
    private readonly string key;
    private readonly Func<TValue, EntityMeta, object> view;
    private readonly Func<TValue, TValue, EntityMeta, object> change;
    private readonly TimeProvider clock;
    private readonly GroupCommit<EntityState<TValue>> commits;
    private EntityState<TValue> durable;
    private long applied;

    /// <param name="key">The grain's key, as its <see cref="EntityMeta"/> names it.</param>
    /// <param name="view">What a snapshot (and the creation event) carries of a value, at the version the meta names.</param>
    /// <param name="change">What the event of one write carries: the change from the value stored before to the one stored now.</param>
    /// <param name="deactivateOnIdle">The grain's <c>DeactivateOnIdle</c>.</param>
    public GroupCommittedState(
        IPersistentState<EntityState<TValue>> store,
        string key,
        Topic topic,
        Func<TValue, EntityMeta, object> view,
        Func<TValue, TValue, EntityMeta, object> change,
        TimeProvider clock,
        ILogger logger,
        Action deactivateOnIdle,
        int journalCapacity = LiveJournal.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        this.key = key;
        this.view = view;
        this.change = change;
        this.clock = clock;
        durable = store.State;
        Applied = durable.Value;
        Live = LivePublisher.WithJournal(topic, () => Version, () => Value is { } value ? view(value, Meta) : Meta, clock, logger, journalCapacity);
        commits = new GroupCommit<EntityState<TValue>>(key, 0, () => applied, _ => Write(), Committed, deactivateOnIdle, logger);
    }

    public LivePublisher Live { get; }

    /// <summary>The value every change applied so far leaves, stored or not: what the next change is checked against.</summary>
    public TValue? Applied { get; private set; }

    /// <summary>The value as stored: what reads, catch-ups and events show.</summary>
    public TValue? Value => durable.Value;

    /// <summary>The stored version: one per write.</summary>
    public long Version => durable.Version;

    public EntityMeta Meta => new(key, durable.Version, durable.CreatedAt, durable.UpdatedAt);

    /// <summary>
    /// Makes <paramref name="next"/> the applied value (null deletes) and answers once it is stored: the stored version,
    /// which holds it. A failed write fails every change it held, and the grain reloads from storage.
    /// </summary>
    public async Task<long> Apply(TValue? next)
    {
        Applied = next;
        applied++;
        await commits.UntilPersisted(applied);
        return Version;
    }

    /// <summary>Answers once every change applied so far is stored (a change that changed nothing still waits for what it saw).</summary>
    public async Task<long> Settled()
    {
        await commits.UntilPersisted(applied);
        return Version;
    }

    /// <summary>Stores the applied value as the next version; the value is captured before the first await.</summary>
    private async Task<EntityState<TValue>> Write()
    {
        var now = clock.GetUtcNow();
        var next = new EntityState<TValue>
        {
            Value = Applied,
            Version = durable.Version + 1,
            CreatedAt = durable.Value is null && Applied is not null ? now : durable.CreatedAt,
            UpdatedAt = now,
        };
        store.State = next;
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // The group commit deactivates the grain; until then the store holds what is durable.
            store.State = durable;
            throw;
        }
        return next;
    }

    /// <summary>Runs once a write is durable, before its changes are answered: publishes it.</summary>
    private Task Committed(EntityState<TValue> written)
    {
        var before = durable.Value;
        durable = written;
        ChangeKind kind;
        object data;
        if (written.Value is not { } value)
        {
            Live.Forget();
            (kind, data) = (ChangeKind.Deleted, Meta);
        }
        else if (before is null)
        {
            (kind, data) = (ChangeKind.Created, view(value, Meta));
        }
        else
        {
            (kind, data) = (ChangeKind.Updated, change(before, value, Meta));
        }
        return Live.Publish(Live.Event(kind, written.UpdatedAt, data));
    }
}
