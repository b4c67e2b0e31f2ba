using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Live;

namespace Kaolack.Contracts.Dashboard;

/// <summary>
/// The programme dashboard (one grain, key "programme"): every project summary and organisation's facts, the
/// indicators over them and a daily progress series. Updates are acknowledged once stored; pushes on
/// "dashboard:programme" are coalesced.
/// </summary>
public interface IProgrammeDashboardGrain : ILiveSource
{
    public const string Key = "programme";

    /// <summary>Stores the summary unless a newer one is held; answers once stored.</summary>
    Task UpdateProject(ProjectSummary summary);

    Task RemoveProject(string slug);

    /// <summary>Stores the facts unless newer ones are held; tells the projects whose pledges changed. One-way: organisations re-send on activation.</summary>
    [OneWay]
    Task UpdateOrganisation(OrganisationFacts facts);

    [OneWay]
    Task RemoveOrganisation(EntityKind kind, string slug);

    [ReadOnly]
    Task<PledgeFact[]> PledgesTo(string projectSlug);

    /// <summary>Every signed-in account; the projects listed are those the caller may read.</summary>
    [ReadOnly]
    Task<ProgrammeDashboard> Get(Caller caller, DashboardFilter filter);
}
