namespace Kaolack.Contracts.Workshops;

/// <summary>One join code (its key, upper case), mapped durably to the workshop that drew it.</summary>
public interface IWorkshopCodeGrain : IGrainWithStringKey
{
    /// <summary>True when the code is now (or already was) this workshop's; false when another holds it.</summary>
    Task<bool> Claim(string workshopId);

    /// <summary>Frees the code if this workshop holds it.</summary>
    Task Release(string workshopId);

    [ReadOnly]
    Task<string?> WorkshopId();
}
