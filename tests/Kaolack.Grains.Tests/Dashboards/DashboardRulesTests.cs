using System.Collections.Immutable;
using System.Text.Json;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Dashboard;
using Kaolack.Grains.Plans;
using Kaolack.Testing;

namespace Kaolack.Grains.Tests.Dashboards;

public sealed class DashboardRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTimeOffset Updated = new(2026, 6, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_plan_facts_count_milestones_by_status_and_tasks_done_and_keep_no_text()
    {
        var model = PlanWith(
            Milestone("m1", "Mission à Taourirt", "2026-03-01", "done"),
            Milestone("m2", "Guide rédigé", "2026-05-31", "in-progress"),
            Milestone("m3", "Foire de Kaolack", "2026-12-05", "planned"),
            Milestone("m4", "Bilan", null, "planned"),
            Task("t1", "done"), Task("t2", "doing"), Task("t3", "todo"));

        var facts = PlanFactsRules.From(model, 12, Updated);

        Assert.Equal(12, facts.Version);
        Assert.Equal((1, 3), (facts.TasksDone, facts.TasksTotal));
        Assert.Equal(["m1", "m2", "m3", "m4"], facts.Milestones.Select(m => m.Id));
        Assert.Equal([true, false, false, false], facts.Milestones.Select(m => m.Done));
        Assert.Equal(new DateOnly(2026, 5, 31), facts.Milestones[1].DueDate);
        Assert.Null(facts.Milestones[3].DueDate);
        Assert.DoesNotContain("notes secrètes", JsonSerializer.Serialize(facts, SiloHost.Json), StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_judges_milestones_against_today_and_sums_money_per_currency_without_confidential_fields()
    {
        var plan = PlanFactsRules.From(PlanWith(
            Milestone("m1", "Mission à Taourirt", "2026-03-01", "done"),
            Milestone("m2", "Guide rédigé", "2026-05-31", "in-progress"),
            Milestone("m3", "Foire de Kaolack", "2026-12-05", "planned"),
            Milestone("m4", "Bilan", null, "planned"),
            Task("t1", "done"), Task("t2", "doing"), Task("t3", "todo")), 7, Updated.AddDays(2));
        PledgeFact[] pledges =
        [
            new("oriental-bruxelles", "huile", PledgeKind.Money, new Money(500, Currency.Eur), Received: true),
            new("oriental-bruxelles", "huile", PledgeKind.Money, new Money(200, Currency.Eur), Received: false),
            new("kaolack-paris", "huile", PledgeKind.InKind, null, Received: true),
            new("kaolack-paris", "autre-projet", PledgeKind.Money, new Money(9_999, Currency.Eur), Received: true),
        ];

        var summary = ProjectSummaries.Compute(Project(), plan, pledges, Today, version: 42);

        Assert.Equal(new MilestoneCounts(Done: 1, OnTrack: 2, Late: 1, Total: 4), summary.Milestones);
        Assert.Equal("m3", summary.NextMilestone?.Id);
        Assert.Equal(new TaskCounts(1, 3), summary.Tasks);
        Assert.Equal(RegionPair.KaolackOriental, summary.RegionPair);
        Assert.Equal((2, 1), (summary.KaolackPartners, summary.OrientalPartners));
        Assert.Equal([new MoneyProgress(Currency.Xof, 1_000_000, 300_000), new MoneyProgress(Currency.Eur, 0, 100)], summary.Budget);
        Assert.Equal([new MoneyProgress(Currency.Eur, 700, 500)], summary.Pledges);
        Assert.Equal(new PledgeCounts(Received: 1, Total: 1), summary.PledgesInKind);
        Assert.Equal(Updated.AddDays(2), summary.LastActivityAt);
        Assert.Equal(["awa@kaolack.test", "karim@oriental.test"], summary.Readers ?? []);

        var json = JsonSerializer.Serialize(summary, SiloHost.Json);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Note confidentielle", json, StringComparison.Ordinal);
        Assert.DoesNotContain("readers", json, StringComparison.Ordinal);

        // The day after the third milestone's due date it is late too, and no dated milestone is still ahead.
        var later = ProjectSummaries.AsOf(summary, new DateOnly(2026, 12, 6));
        Assert.Equal(new MilestoneCounts(Done: 1, OnTrack: 1, Late: 2, Total: 4), later.Milestones);
        Assert.Null(later.NextMilestone);
    }

    [Fact]
    public void The_indicators_count_projects_organisations_fairs_and_needs_once_each()
    {
        var plan = new PlanFacts(3, [new MilestoneFact("m", "Jalon", new DateOnly(2026, 1, 1), Done: false)], 2, 5, null);
        var first = ProjectSummaries.Compute(Project(), plan, [], Today, 1);
        var second = ProjectSummaries.Compute(Project() with
        {
            Meta = new EntityMeta("miel", 2, Updated, Updated),
            Status = ProjectStatus.Proposed,
            Charter = new ProjectCharter { Title = "Miel", ValueChains = ["Miel", "arachide"], Budget = new Money(50_000, Currency.Mad) },
            Partners = [Partner(EntityKind.Cooperative, "jappo", Region.Kaolack)],
            Contributions = [],
        }, PlanFacts.None, [], Today, 1);
        OrganisationFacts[] organisations =
        [
            Cooperative("jappo", Region.Kaolack, ["Comptabilité", "Marketing numérique"],
                new FairParticipation(Fair.FoireInternationaleKaolack, 2025, FairRole.Exhibitor),
                new FairParticipation(Fair.FoireInternationaleKaolack, 2025, FairRole.Visitor)),
            Cooperative("zitoun", Region.Oriental, ["comptabilité "], new FairParticipation(Fair.SalonEssOriental, 2025, FairRole.Exhibitor)),
            new(EntityKind.DiasporaGroup, "bruxelles", Region.Oriental, [], [], [], 1),
        ];

        var indicators = ProgrammeAggregation.Compute([first, second], organisations, Today);

        Assert.Equal(2, indicators.Projects);
        Assert.Equal(1, indicators.ByStatus.Single(s => s.Status == ProjectStatus.Active).Count);
        Assert.Equal(1, indicators.ByStatus.Single(s => s.Status == ProjectStatus.Proposed).Count);
        Assert.Equal(0, indicators.ByStatus.Single(s => s.Status == ProjectStatus.Completed).Count);
        Assert.Equal(1, indicators.ByRegionPair.Single(r => r.RegionPair == RegionPair.KaolackOriental).Count);
        Assert.Equal(1, indicators.ByRegionPair.Single(r => r.RegionPair == RegionPair.Kaolack).Count);
        Assert.Contains(new NamedCount("arachide", 2), indicators.ByValueChain);
        Assert.Equal(new MilestoneCounts(0, 0, 1, 1), indicators.Milestones);
        Assert.Equal(new TaskCounts(2, 5), indicators.Tasks);
        // "jappo" is a partner of both projects: engaged once. Organisations that are no project's partner are not engaged.
        Assert.Equal([new RegionEngagement(Region.Kaolack, 1, 1), new RegionEngagement(Region.Oriental, 1, 0)], indicators.Engaged);
        Assert.Equal([new FairYearCount(2025, Fair.FoireInternationaleKaolack, 1), new FairYearCount(2025, Fair.SalonEssOriental, 1)],
            indicators.FairParticipations);
        Assert.Equal([new NamedCount("Comptabilité", 2), new NamedCount("Marketing numérique", 1)], indicators.CapacityNeeds);
        Assert.Equal([new MoneyProgress(Currency.Xof, 1_000_000, 300_000), new MoneyProgress(Currency.Mad, 50_000, 0), new MoneyProgress(Currency.Eur, 0, 100)],
            indicators.Budget);
    }

    [Theory]
    [InlineData(null, null, "2026-01-01", "2026-12-31", true)]
    [InlineData("2027-01-01", null, "2026-01-01", "2026-12-31", false)]
    [InlineData(null, "2025-12-31", "2026-01-01", "2026-12-31", false)]
    [InlineData("2026-12-31", "2026-12-31", "2026-01-01", "2026-12-31", true)]
    [InlineData(null, null, "2020-01-01", "2020-01-31", true)]
    public void A_period_keeps_the_projects_whose_dates_overlap_it(string? from, string? to, string start, string end, bool kept)
    {
        var summary = new ProjectSummary { StartDate = DateOnly.Parse(start), EndDate = DateOnly.Parse(end) };
        var filter = new DashboardFilter { From = from is null ? null : DateOnly.Parse(from), To = to is null ? null : DateOnly.Parse(to) };
        Assert.Equal(kept, ProgrammeAggregation.Matches(summary, filter));
    }

    [Fact]
    public void The_progress_series_keeps_one_point_per_day_and_a_bounded_number_of_days()
    {
        ProgressPoint Point(int day, int done) => new(new DateOnly(2026, 1, day), 1, done, 4, 0, 0, 0);
        ProgressPoint[] series = [];
        for (var day = 1; day <= 5; day++)
        {
            series = ProgrammeAggregation.Record(series, Point(day, 1), limit: 3);
            series = ProgrammeAggregation.Record(series, Point(day, 2), limit: 3);
        }
        Assert.Equal([Point(3, 2), Point(4, 2), Point(5, 2)], series);
    }

    internal static PlanModel PlanWith(params PlanEntity[] entities) =>
        PlanModel.Empty with { Entities = entities.ToImmutableDictionary(e => PlanModel.Key(e.Kind, e.Id), e => e) };

    internal static PlanEntity Milestone(string id, string title, string? due, string status) =>
        new(PlanEntityKind.Milestone, id, id, Fields((PlanFields.Title, title), (PlanFields.DueDate, due), (PlanFields.Status, status)));

    internal static PlanEntity Task(string id, string status) =>
        new(PlanEntityKind.Task, id, id, Fields((PlanFields.Title, $"Tâche {id}"), (PlanFields.Status, status), (PlanFields.Notes, "notes secrètes")));

    private static ImmutableDictionary<string, string> Fields(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).ToImmutableDictionary(f => f.Name, f => f.Value!);

    private static JointProject Project() => new(
        new EntityMeta("huile", 9, Updated.AddDays(-30), Updated),
        new ProjectCharter
        {
            Title = "Huile d'olive et d'arachide",
            ValueChains = ["huile d'olive", "arachide"],
            Budget = new Money(1_000_000, Currency.Xof),
            StartDate = new DateOnly(2026, 2, 1),
            EndDate = new DateOnly(2027, 1, 31),
        },
        ProjectStatus.Active,
        [
            Partner(EntityKind.Cooperative, "jappo", Region.Kaolack),
            Partner(EntityKind.Cooperative, "zitoun", Region.Oriental),
            Partner(EntityKind.DiasporaGroup, "kaolack-paris", Region.Kaolack),
        ],
        [
            new Contribution(1, new ContributionInput { From = "Département", Amount = new Money(300_000, Currency.Xof), ReceivedOn = new DateOnly(2026, 3, 1), Note = "Note confidentielle" }, Updated),
            new Contribution(2, new ContributionInput { From = "Diaspora", Amount = new Money(100, Currency.Eur), ReceivedOn = new DateOnly(2026, 4, 1) }, Updated),
        ],
        [],
        [new ProjectMember("awa@kaolack.test", ProjectRole.Owner, Updated), new ProjectMember("karim@oriental.test", ProjectRole.Editor, Updated)]);

    private static ProjectPartner Partner(EntityKind kind, string slug, Region region) => new(kind, slug, $"Nom {slug}", region, Updated);

    private static OrganisationFacts Cooperative(string slug, Region region, string[] needs, params FairParticipation[] fairs) =>
        new(EntityKind.Cooperative, slug, region, fairs, needs, [], 1);
}
