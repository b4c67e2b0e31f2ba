using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Dashboard;

/// <summary>
/// The dashboard summary of one project, keyed by its slug: a read model in memory, fed by the project, its plan and
/// the diaspora pledges to it, rebuilt from them on activation. Its live topic is "dashboard:project:{slug}"
/// (every event a snapshot, pushes coalesced); it forwards each change to the programme dashboard.
/// </summary>
public interface IProjectSummaryGrain : ILiveSource
{
    /// <summary>The project as committed; null once deleted.</summary>
    [OneWay]
    Task OnProject(JointProject? project);

    [OneWay]
    Task OnPlan(PlanFacts facts);

    /// <summary>Every pledge to this project, from all diaspora groups.</summary>
    [OneWay]
    Task OnPledges(PledgeFact[] pledges);

    /// <summary>Project readers only; null when the project does not exist.</summary>
    [ReadOnly]
    Task<ProjectSummary?> Get(Caller caller);
}
