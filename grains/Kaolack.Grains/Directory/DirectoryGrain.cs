using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Common;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Directory;

/// <summary>
/// The listing of one entity kind. Held whole in memory so search is a scan of small records; kept in
/// Blob storage because it grows with the programme (Table storage caps a grain's state near 1 MB).
/// </summary>
public sealed class DirectoryGrain(
    [PersistentState("directory", StorageNames.Documents)] IPersistentState<DirectoryState> store,
    TimeProvider clock,
    ILogger<DirectoryGrain> logger)
    : Grain, IDirectoryGrain
{
    private LivePublisher? live;

    private EntityKind Kind => EntityKindNames.TryParsePlural(this.GetPrimaryKeyString(), out var kind)
        ? kind
        : throw new ValidationFailedException("kind", "Annuaire inconnu.");

    private LivePublisher Live => live ??= LivePublisher.WithJournal(Topic.ForDirectory(Kind), GrainContext.Deactivated, () => store.State.Version,
        () => new DirectorySnapshot([.. store.State.Entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal)]), clock, logger);

    public async Task Upsert(DirectoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind != Kind || !Slug.IsValid(entry.Slug))
        {
            throw new ValidationFailedException("entry", "Entrée d'un autre annuaire ou identifiant invalide.");
        }
        var existed = store.State.Entries.TryGetValue(entry.Slug, out var existing);
        if (existed && !DirectorySearch.Supersedes(entry, existing!))
        {
            return;
        }
        await Commit(entries => entries[entry.Slug] = entry, existed ? ChangeKind.Updated : ChangeKind.Created, entry);
    }

    public async Task Remove(string slug, long entityVersion)
    {
        if (!store.State.Entries.TryGetValue(slug, out var existing) || existing.Version > entityVersion)
        {
            return;
        }
        await Commit(entries => entries.Remove(slug), ChangeKind.Deleted, new DirectoryRemoval(slug));
    }

    public Task<DirectoryPage> Search(Caller caller, DirectoryQuery query)
    {
        RequireRead(caller);
        return Task.FromResult(DirectorySearch.Run(Visible(caller), query));
    }

    public Task<DirectoryEntry[]> Lookup(Caller caller, string[] slugs)
    {
        RequireRead(caller);
        ArgumentNullException.ThrowIfNull(slugs);
        return Task.FromResult<DirectoryEntry[]>([.. slugs
            .Select(slug => store.State.Entries.GetValueOrDefault(slug))
            .OfType<DirectoryEntry>()
            .Where(entry => AccessPolicy.CanSee(caller, entry.Readers))]);
    }

    public Task<PartnerSuggestion[]> Suggest(Caller caller, SuggestionRequest request)
    {
        RequireRead(caller);
        return Task.FromResult(PartnerSuggestions.Rank(request, Visible(caller)));
    }

    public Task<long> Watch(ILiveObserver observer) => Live.Watch(observer);

    public Task Unwatch(ILiveObserver observer) => Live.Unwatch(observer);

    public Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        RequireRead(caller);
        return Task.FromResult(Live.CatchUp(caller, sinceVersion));
    }

    private static void RequireRead(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(AccessPolicy.CanReadDirectory(caller), "Connectez-vous pour consulter l'annuaire.");
    }

    private IEnumerable<DirectoryEntry> Visible(Caller caller) =>
        store.State.Entries.Values.Where(entry => AccessPolicy.CanSee(caller, entry.Readers));

    /// <summary>Stores the changed listing as the next version, then publishes the change; a failed write leaves the listing as it was.</summary>
    private async Task Commit(Action<Dictionary<string, DirectoryEntry>> change, ChangeKind kind, object data)
    {
        var entries = new Dictionary<string, DirectoryEntry>(store.State.Entries, StringComparer.Ordinal);
        change(entries);
        await store.WriteOrRollback(new DirectoryState { Version = store.State.Version + 1, Entries = entries }, DeactivateOnIdle);
        await Live.Publish(Live.Event(kind, clock.GetUtcNow(), data));
    }
}
