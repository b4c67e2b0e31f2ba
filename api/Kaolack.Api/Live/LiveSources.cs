using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;

namespace Kaolack.Api.Live;

public static class LiveSources
{
    /// <summary>The grain whose changes make up <paramref name="topic"/>.</summary>
    public static ILiveSource For(IGrainFactory grains, Topic topic) => topic.Scope switch
    {
        TopicScope.Directory => grains.GetGrain<IDirectoryGrain>(topic.Key),
        TopicScope.Plan => grains.GetGrain<IPlanDocumentGrain>(topic.Key),
        TopicScope.Presence => grains.GetGrain<IPlanPresenceGrain>(topic.Key),
        TopicScope.ProgrammeDashboard => grains.GetGrain<IProgrammeDashboardGrain>(IProgrammeDashboardGrain.Key),
        TopicScope.ProjectDashboard => grains.GetGrain<IProjectSummaryGrain>(topic.Key),
        _ => topic.Kind switch
        {
            EntityKind.Cooperative => grains.GetGrain<ICooperativeGrain>(topic.Key),
            EntityKind.DiasporaGroup => grains.GetGrain<IDiasporaGroupGrain>(topic.Key),
            EntityKind.Project => grains.GetGrain<IJointProjectGrain>(topic.Key),
            _ => throw new ArgumentOutOfRangeException(nameof(topic)),
        },
    };
}
