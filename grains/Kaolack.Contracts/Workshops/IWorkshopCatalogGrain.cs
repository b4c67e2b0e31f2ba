using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Workshops;

/// <summary>The list of every workshop (one grain, key "all"), kept by the workshop grains after each change.</summary>
public interface IWorkshopCatalogGrain : IGrainWithStringKey
{
    /// <summary>Ignores a listing older than the one held.</summary>
    Task Upsert(WorkshopListing listing);

    Task Remove(string workshopId);

    /// <summary>Every signed-in account (no guest); soonest first.</summary>
    [ReadOnly]
    Task<WorkshopListing[]> List(Caller caller);
}
