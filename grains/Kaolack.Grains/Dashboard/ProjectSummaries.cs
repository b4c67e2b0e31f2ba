using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Projects;

namespace Kaolack.Grains.Dashboard;

/// <summary>Derives a project's dashboard summary from the project, its plan and the pledges to it.</summary>
public static class ProjectSummaries
{
    public static ProjectSummary Compute(JointProject project, PlanFacts plan, IEnumerable<PledgeFact> pledges, DateOnly today, long version)
    {
        var partners = project.Partners
            .Select(p => new SummaryPartner(p.Kind, p.Slug, p.Name, p.Region))
            .OrderBy(p => p.Region).ThenBy(p => p.Kind).ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToArray();
        var toProject = pledges.Where(p => p.ProjectSlug == project.Meta.Slug).ToArray();
        var lastActivity = plan.LastChangeAt is { } planAt && planAt > project.Meta.UpdatedAt ? planAt : project.Meta.UpdatedAt;
        var summary = new ProjectSummary
        {
            Slug = project.Meta.Slug,
            Version = version,
            Title = project.Charter.Title,
            Status = project.Status,
            ValueChains = project.Charter.ValueChains,
            StartDate = project.Charter.StartDate,
            EndDate = project.Charter.EndDate,
            RegionPair = PairOf(partners.Select(p => p.Region)),
            Partners = partners,
            KaolackPartners = partners.Count(p => p.Region == Region.Kaolack),
            OrientalPartners = partners.Count(p => p.Region == Region.Oriental),
            Tasks = new TaskCounts(plan.TasksDone, plan.TasksTotal),
            Budget = BudgetOf(project.Charter.Budget, project.Contributions.Select(c => c.Details.Amount)),
            Pledges = PledgedMoney(toProject),
            PledgesInKind = new PledgeCounts(toProject.Count(p => p.Value is null && p.Received), toProject.Count(p => p.Value is null)),
            LastActivityAt = lastActivity,
            MilestoneFacts = plan.Milestones,
            Readers = [.. project.Members.Select(m => m.UserId)],
            ProjectVersion = project.Meta.Version,
            PlanVersion = plan.Version,
        };
        return AsOf(summary, today);
    }

    /// <summary>
    /// The summary's milestone counts and next milestone as judged on <paramref name="today"/>: the next milestone is the
    /// earliest not done and due today or later (late ones are counted as late, not as next).
    /// </summary>
    public static ProjectSummary AsOf(ProjectSummary summary, DateOnly today)
    {
        if (summary.AsOf == today)
        {
            return summary;
        }
        var facts = summary.MilestoneFacts;
        var done = facts.Count(m => m.Done);
        var late = facts.Count(m => IsLate(m, today));
        return summary with
        {
            AsOf = today,
            Milestones = new MilestoneCounts(done, facts.Length - done - late, late, facts.Length),
            NextMilestone = facts
                .Where(m => !m.Done && m.DueDate >= today)
                .OrderBy(m => m.DueDate).ThenBy(m => m.Id, StringComparer.Ordinal)
                .FirstOrDefault(),
        };
    }

    public static bool IsLate(MilestoneFact milestone, DateOnly today) => !milestone.Done && milestone.DueDate < today;

    public static RegionPair PairOf(IEnumerable<Region> regions)
    {
        var set = regions.ToHashSet();
        return (set.Contains(Region.Kaolack), set.Contains(Region.Oriental)) switch
        {
            (true, true) => RegionPair.KaolackOriental,
            (true, false) => RegionPair.Kaolack,
            (false, true) => RegionPair.Oriental,
            _ => RegionPair.None,
        };
    }

    /// <summary>The budget in its currency with what was received in it; contributions in other currencies get their own line.</summary>
    private static MoneyProgress[] BudgetOf(Money? budget, IEnumerable<Money> received)
    {
        var byCurrency = received.GroupBy(m => m.Currency).ToDictionary(g => g.Key, g => g.Sum(m => m.Amount));
        if (budget is not null)
        {
            byCurrency.TryAdd(budget.Currency, 0);
        }
        return [.. byCurrency
            .OrderBy(pair => pair.Key)
            .Select(pair => new MoneyProgress(pair.Key, budget?.Currency == pair.Key ? budget.Amount : 0, pair.Value))];
    }

    private static MoneyProgress[] PledgedMoney(IEnumerable<PledgeFact> pledges) =>
        [.. pledges
            .Where(p => p.Value is not null)
            .GroupBy(p => p.Value!.Currency)
            .OrderBy(g => g.Key)
            .Select(g => new MoneyProgress(g.Key, g.Sum(p => p.Value!.Amount), g.Where(p => p.Received).Sum(p => p.Value!.Amount)))];
}
