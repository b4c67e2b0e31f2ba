using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Common;
using Kaolack.Grains.Live;
using Kaolack.Grains.Plans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Grains.Dashboard;

/// <summary>
/// One project's dashboard summary, held in memory only: its inputs (the project, its plan's facts, the pledges to
/// it) are pushed here by their owners after each commit and pulled from them on activation, so nothing needs
/// storing. Each change recomputes the summary; pushes to "dashboard:project:{slug}" and to the programme dashboard
/// are coalesced (at most one per <see cref="DashboardOptions.PushInterval"/>, always one after the last change).
/// </summary>
public sealed class ProjectSummaryGrain(
    TimeProvider clock,
    IOptions<DashboardOptions> options,
    ILogger<ProjectSummaryGrain> logger)
    : Grain, IProjectSummaryGrain
{
    private LivePublisher? live;
    private ThrottledPush? pushes;
    private JointProject? current;
    private PlanFacts plan = PlanFacts.None;
    private PledgeFact[] pledgesToProject = [];
    private ProjectSummary? summary;
    private ProjectSummary? forwarded;
    private bool removalPending;
    private long version;

    private string Slug => this.GetPrimaryKeyString();

    /// <summary>Every event is the whole summary (null data once the project is gone), like presence.</summary>
    private LivePublisher Live => live ??= LivePublisher.SnapshotsOnly(Topic.ForProjectDashboard(Slug), GrainContext.Deactivated, () => version,
        () => summary is null ? null : ProjectSummaries.AsOf(summary, Today), clock, logger);

    private ThrottledPush Pushes => pushes ??= new ThrottledPush(this, options.Value.PushInterval, clock, Push);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private IProgrammeDashboardGrain Programme => GrainFactory.GetGrain<IProgrammeDashboardGrain>(IProgrammeDashboardGrain.Key);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Versions keep increasing across activations: clients and the programme never take a new summary for an old one.
        version = clock.GetUtcNow().ToUnixTimeMilliseconds();
        current = await GrainFactory.GetGrain<IJointProjectGrain>(Slug).Get(Caller.System);
        if (current is not null)
        {
            var snapshot = await GrainFactory.GetGrain<IPlanDocumentGrain>(Slug).GetSnapshot(Caller.System);
            plan = PlanFactsRules.From(snapshot.Document, snapshot.Version, null);
            pledgesToProject = await Programme.PledgesTo(Slug);
        }
        Recompute();
        await base.OnActivateAsync(cancellationToken);
    }

    public Task OnProject(JointProject? project)
    {
        if (project is not null && current is not null && project.Meta.Version <= current.Meta.Version)
        {
            return Task.CompletedTask;
        }
        current = project;
        Recompute();
        return Task.CompletedTask;
    }

    public Task OnPlan(PlanFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Version <= plan.Version)
        {
            return Task.CompletedTask;
        }
        plan = facts;
        Recompute();
        return Task.CompletedTask;
    }

    public Task OnPledges(PledgeFact[] pledges)
    {
        pledgesToProject = pledges ?? [];
        Recompute();
        return Task.CompletedTask;
    }

    public Task<ProjectSummary?> Get(Caller caller)
    {
        RequireRead(caller);
        return Task.FromResult(summary is null ? null : ProjectSummaries.AsOf(summary, Today));
    }

    public Task<long> Watch(ILiveObserver observer) => Live.Watch(observer);

    public Task Unwatch(ILiveObserver observer) => Live.Unwatch(observer);

    public Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        RequireRead(caller);
        return Task.FromResult(Live.CatchUp(caller, sinceVersion));
    }

    private void RequireRead(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.RequireProjectVisible(caller, current?.Members);
    }

    private void Recompute()
    {
        if (current is null)
        {
            // Also on an activation that finds no project: the programme may still list it if a removal was lost.
            removalPending = true;
            summary = null;
        }
        else
        {
            version = Math.Max(version + 1, clock.GetUtcNow().ToUnixTimeMilliseconds());
            summary = ProjectSummaries.Compute(current, plan, pledgesToProject, Today, version);
        }
        Pushes.Changed();
    }

    private async Task Push()
    {
        await Live.PublishState(ChangeKind.Snapshot, clock.GetUtcNow());
        try
        {
            if (summary is { } current && !ReferenceEquals(current, forwarded))
            {
                await Programme.UpdateProject(current);
                forwarded = current;
            }
            else if (summary is null && removalPending)
            {
                await Programme.RemoveProject(Slug);
                removalPending = false;
                forwarded = null;
            }
        }
        catch (Exception exception)
        {
            // The programme dashboard is a read model: try again after the interval (the next push carries the latest).
            logger.LogWarning(exception, "Project summary {Slug} v{Version} not forwarded to the programme; retrying", Slug, version);
            Pushes.Changed();
        }
    }
}
