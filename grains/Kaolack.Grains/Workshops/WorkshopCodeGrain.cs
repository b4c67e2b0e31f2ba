using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Hosting;

namespace Kaolack.Grains.Workshops;

/// <summary>One join code → its workshop, durably, so two workshops never share a code.</summary>
public sealed class WorkshopCodeGrain(
    [PersistentState("workshop-code", StorageNames.Entities)] IPersistentState<WorkshopCodeState> store)
    : Grain, IWorkshopCodeGrain
{
    public async Task<bool> Claim(string workshopId)
    {
        if (store.State.WorkshopId is { } holder)
        {
            return holder == workshopId;
        }
        store.State.WorkshopId = workshopId;
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            store.State.WorkshopId = null;
            throw;
        }
        return true;
    }

    public async Task Release(string workshopId)
    {
        if (store.State.WorkshopId == workshopId)
        {
            store.State.WorkshopId = null;
            await store.ClearStateAsync();
        }
    }

    public Task<string?> WorkshopId() => Task.FromResult(store.State.WorkshopId);
}

[GenerateSerializer, Alias("kaolack.workshop-code-state.v1")]
public sealed class WorkshopCodeState
{
    [Id(0)] public string? WorkshopId { get; set; }
}
