using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Plans;
using Kaolack.Grains.Plans;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Dashboard;

/// <summary>How the plan grain tells dashboards about a commit, kept out of the plan grain's own code.</summary>
public static class DashboardFeed
{
    /// <summary>
    /// One-way to the project's summary, after the commit is durable and published. It never delays or fails the
    /// plan's acknowledgements: the summary is a derived view, and it pulls the plan again on its next activation.
    /// </summary>
    public static void PlanCommitted(IGrainFactory grains, string projectSlug, PlanModel model, long version, DateTimeOffset at, ILogger logger)
    {
        try
        {
            _ = grains.GetGrain<IProjectSummaryGrain>(projectSlug).OnPlan(PlanFactsRules.From(model, version, at));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Plan {Slug} v{Version}: dashboard not told", projectSlug, version);
        }
    }
}
