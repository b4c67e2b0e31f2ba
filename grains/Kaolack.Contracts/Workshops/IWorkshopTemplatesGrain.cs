using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Workshops;

/// <summary>
/// The coaches' shared library of workshop templates (one grain, key "all"): coaches and admins list them, save one from
/// a workshop they read, and start workshops from them; a template's creator and admins delete it.
/// </summary>
public interface IWorkshopTemplatesGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [ReadOnly]
    Task<WorkshopTemplate[]> List(Caller caller);

    [ReadOnly]
    Task<WorkshopTemplate?> Get(Caller caller, string templateId);

    /// <summary>Saves <paramref name="outline"/> under <paramref name="name"/> (1–80 characters, unique ignoring case).</summary>
    Task<WorkshopTemplate> Save(Caller caller, string name, string creatorName, WorkshopOutline outline);

    Task Delete(Caller caller, string templateId);
}
