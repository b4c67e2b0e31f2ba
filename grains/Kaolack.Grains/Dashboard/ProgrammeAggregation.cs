using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Dashboard;

/// <summary>
/// The programme's indicators as a pure function of project summaries and organisation facts: the grain computes
/// them from scratch at each (coalesced) push, tests recompute them the same way from any set.
/// </summary>
public static class ProgrammeAggregation
{
    public static ProgrammeIndicators Compute(IEnumerable<ProjectSummary> summaries, IEnumerable<OrganisationFacts> organisations, DateOnly today)
    {
        var projects = summaries.Select(s => ProjectSummaries.AsOf(s, today)).ToArray();
        var cooperatives = organisations.Where(o => o.Kind == EntityKind.Cooperative).ToArray();
        var engaged = projects.SelectMany(p => p.Partners).DistinctBy(p => (p.Kind, p.Slug)).ToArray();
        return new ProgrammeIndicators
        {
            Projects = projects.Length,
            ByStatus = [.. Enum.GetValues<ProjectStatus>().Select(status => new StatusCount(status, projects.Count(p => p.Status == status)))],
            ByRegionPair = [.. Enum.GetValues<RegionPair>().Select(pair => new RegionPairCount(pair, projects.Count(p => p.RegionPair == pair)))],
            ByValueChain = Named(projects.SelectMany(p => p.ValueChains.Distinct(StringComparer.OrdinalIgnoreCase))),
            Milestones = new MilestoneCounts(
                projects.Sum(p => p.Milestones.Done), projects.Sum(p => p.Milestones.OnTrack),
                projects.Sum(p => p.Milestones.Late), projects.Sum(p => p.Milestones.Total)),
            Tasks = new TaskCounts(projects.Sum(p => p.Tasks.Done), projects.Sum(p => p.Tasks.Total)),
            Engaged = [.. Enum.GetValues<Region>().Select(region => new RegionEngagement(region,
                engaged.Count(p => p.Region == region && p.Kind == EntityKind.Cooperative),
                engaged.Count(p => p.Region == region && p.Kind == EntityKind.DiasporaGroup)))],
            FairParticipations = [.. cooperatives
                .SelectMany(c => c.FairParticipations.DistinctBy(f => (f.Fair, f.Year)))
                .GroupBy(f => (f.Year, f.Fair))
                .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Fair)
                .Select(g => new FairYearCount(g.Key.Year, g.Key.Fair, g.Count()))],
            CapacityNeeds = Named(cooperatives.SelectMany(c => c.CapacityNeeds.Distinct(StringComparer.OrdinalIgnoreCase))),
            Budget = Sum(projects.SelectMany(p => p.Budget)),
            Pledges = Sum(projects.SelectMany(p => p.Pledges)),
            PledgesInKind = new PledgeCounts(projects.Sum(p => p.PledgesInKind.Received), projects.Sum(p => p.PledgesInKind.Total)),
        };
    }

    /// <summary>
    /// A live update of the programme as a reader who sees only their own projects receives it: the rows they may see,
    /// the removals, and no indicators nor series (counted over every project, they would tell about hidden ones).
    /// </summary>
    public static ProgrammeDashboard ForOwnProjects(ProgrammeDashboard dashboard, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        return dashboard with
        {
            Indicators = new ProgrammeIndicators(),
            Series = [],
            Projects = [.. dashboard.Projects.Where(p => AccessPolicy.CanSee(caller, p.Readers))],
            WholeProgramme = false,
        };
    }

    /// <summary>The projects a filter keeps.</summary>
    public static bool Matches(ProjectSummary summary, DashboardFilter filter) =>
        (filter.Status is not { } status || summary.Status == status)
        && (filter.Region is not { } region || summary.Partners.Any(p => p.Region == region))
        && (filter.ValueChain is not { } chain || summary.ValueChains.Contains(chain, StringComparer.OrdinalIgnoreCase))
        && (filter.From is not { } from || summary.EndDate is not { } end || end >= from)
        && (filter.To is not { } to || summary.StartDate is not { } start || start <= to);

    /// <summary>The organisations a filter keeps: only the region applies to them.</summary>
    public static bool Matches(OrganisationFacts organisation, DashboardFilter filter) =>
        filter.Region is not { } region || organisation.Region == region;

    /// <summary>The day's point of the progress series.</summary>
    public static ProgressPoint PointOf(ProgrammeIndicators indicators, DateOnly today) => new(
        today,
        indicators.ByStatus.Where(s => s.Status is ProjectStatus.Active or ProjectStatus.AtRisk).Sum(s => s.Count),
        indicators.Milestones.Done, indicators.Milestones.Total, indicators.Milestones.Late,
        indicators.Tasks.Done, indicators.Tasks.Total);

    /// <summary>Appends the day's point, or replaces it when the last point is of the same day; keeps the last <paramref name="limit"/> days.</summary>
    public static ProgressPoint[] Record(ProgressPoint[] series, ProgressPoint point, int limit)
    {
        var kept = series.Length > 0 && series[^1].Date == point.Date ? series[..^1] : series;
        var next = kept.Append(point).ToArray();
        return next.Length > limit ? next[^limit..] : next;
    }

    /// <summary>
    /// Names counted case-insensitively, most frequent first. A name spelt several ways is shown by its first spelling in
    /// ordinal order, not the first met, so the result does not depend on the order of the input.
    /// </summary>
    private static NamedCount[] Named(IEnumerable<string> names) =>
        [.. names
            .Select(n => n.Trim())
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(g => new NamedCount(g.Min(StringComparer.Ordinal)!, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)];

    private static MoneyProgress[] Sum(IEnumerable<MoneyProgress> lines) =>
        [.. lines
            .GroupBy(l => l.Currency)
            .OrderBy(g => g.Key)
            .Select(g => new MoneyProgress(g.Key, g.Sum(l => l.Expected), g.Sum(l => l.Received)))];
}
