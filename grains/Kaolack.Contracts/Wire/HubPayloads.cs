using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Contracts.Wire;

/// <summary>
/// What crosses the live hub (/hubs/live), which the OpenAPI document of the REST API does not describe: the arguments
/// and answers of its methods, and the data of each topic scope's events. The web client's TypeScript contract is
/// generated from these types and from the REST endpoints' own (docs/DECISIONS.md, "One wire contract").
/// </summary>
public static class HubPayloads
{
    /// <summary>
    /// Arguments and answers: Subscribe answers a <see cref="CatchUp"/>; SubmitPlanOp takes a
    /// <see cref="PlanSubmission"/> and answers a <see cref="PlanAck"/>; UpdatePresence takes a
    /// <see cref="PresenceUpdate"/>; SendWorkshopCommand takes a <see cref="WorkshopCommand"/> and answers a
    /// <see cref="WorkshopAck"/>. Every event is a <see cref="LiveEvent"/>.
    /// </summary>
    public static IReadOnlyList<Type> Methods { get; } =
        [typeof(CatchUp), typeof(LiveEvent), typeof(PlanSubmission), typeof(PlanAck), typeof(PresenceUpdate), typeof(WorkshopCommand), typeof(WorkshopAck)];

    /// <summary>The <see cref="LiveEvent.Data"/> of each topic scope's events (a deleted entity's is its last <see cref="EntityMeta"/>).</summary>
    public static IReadOnlyDictionary<TopicScope, IReadOnlyList<Type>> EventData { get; } = new Dictionary<TopicScope, IReadOnlyList<Type>>
    {
        [TopicScope.Entity] = [typeof(Cooperative), typeof(DiasporaGroup), typeof(JointProject), typeof(EntityMeta)],
        [TopicScope.Directory] = [typeof(DirectoryEntry), typeof(DirectoryRemoval), typeof(DirectorySnapshot)],
        [TopicScope.Plan] = [typeof(PlanChange), typeof(PlanSnapshot)],
        [TopicScope.Presence] = [typeof(PresenceList)],
        [TopicScope.Workshop] = [typeof(WorkshopView), typeof(EntityMeta)],
        [TopicScope.ProgrammeDashboard] = [typeof(ProgrammeDashboard)],
        [TopicScope.ProjectDashboard] = [typeof(ProjectSummary)],
    };
}
