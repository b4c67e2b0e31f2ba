using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Hosting;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The workshop list, a read model kept by the workshop grains (each re-publishes on activation, so a missed update
/// heals). Small: a few hundred workshops a year, one line each.
/// </summary>
public sealed class WorkshopCatalogGrain(
    [PersistentState("workshop-catalog", StorageNames.Documents)] IPersistentState<WorkshopCatalogState> store)
    : Grain, IWorkshopCatalogGrain
{
    public const string Key = "all";

    public async Task Upsert(WorkshopListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (store.State.Listings.TryGetValue(listing.Id, out var held) && held.Version >= listing.Version)
        {
            return;
        }
        store.State.Listings[listing.Id] = listing;
        await Write(() => Restore(listing.Id, held));
    }

    public async Task Remove(string workshopId)
    {
        if (store.State.Listings.Remove(workshopId, out var held))
        {
            await Write(() => Restore(workshopId, held));
        }
    }

    public Task<WorkshopListing[]> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsGuest || caller.Roles.Length == 0)
        {
            throw new AccessDeniedException("Connectez-vous avec un compte pour voir les ateliers.");
        }
        return Task.FromResult<WorkshopListing[]>([.. store.State.Listings.Values.OrderBy(l => l.StartsAt).ThenBy(l => l.Id, StringComparer.Ordinal)]);
    }

    private async Task Write(Action undo)
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }

    private void Restore(string id, WorkshopListing? held)
    {
        if (held is null)
        {
            store.State.Listings.Remove(id);
        }
        else
        {
            store.State.Listings[id] = held;
        }
    }
}

[GenerateSerializer, Alias("kaolack.workshop-catalog-state.v1")]
public sealed class WorkshopCatalogState
{
    [Id(0)] public Dictionary<string, WorkshopListing> Listings { get; set; } = new(StringComparer.Ordinal);
}
