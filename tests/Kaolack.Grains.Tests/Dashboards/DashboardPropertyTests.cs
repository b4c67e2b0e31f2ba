using System.Text.Json;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Dashboard;
using Kaolack.Grains.Plans;
using Kaolack.Testing;
using Orleans.TestingHost;
using static Kaolack.Grains.Tests.Plans.PlanOps;

namespace Kaolack.Grains.Tests.Dashboards;

/// <summary>
/// After a seeded, bounded random sequence of changes to projects, plans, cooperatives and diaspora groups, the
/// programme dashboard's numbers equal a recomputation from scratch: every project's summary derived again from the
/// project and its plan as they are stored, every organisation's facts from its profile. The cluster is this test's
/// own (a fresh service on the shared Azurite), so the programme holds nothing else.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DashboardPropertyTests(ClusterFixture fixture) : IAsyncLifetime
{
    private const int Steps = 60;
    private static readonly string[] Needs = ["Comptabilité", "comptabilité", "Marketing numérique", "Gestion coopérative", "Export"];
    private static readonly string[] ValueChains = ["arachide", "huile d'olive", "miel", "couscous"];
    private static readonly string[] TaskStatuses = ["todo", "doing", "done"];
    private static readonly string[] MilestoneStatuses = ["planned", "in-progress", "done"];

    private readonly Caller admin = Caller.System;
    private readonly List<string> cooperatives = [];
    private readonly List<string> diasporaGroups = [];
    private readonly List<string> projects = [];
    private readonly Dictionary<string, (long Version, long Seq, List<string> Milestones, List<string> Tasks)> plans = [];
    private InProcessTestCluster? cluster;
    private Random random = new(0);

    private IClusterClient Client => (cluster ?? throw new InvalidOperationException("No cluster.")).Client;

    public async Task InitializeAsync() =>
        cluster = await ClusterFixture.StartClusterAsync(fixture.StorageConnectionString, $"dash-{Samples.Token()}", silos: 1);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(20260615)]
    [InlineData(7)]
    public async Task The_programme_numbers_equal_a_recomputation_from_every_project_and_organisation(int seed)
    {
        random = new Random(seed);
        for (var step = 0; step < Steps; step++)
        {
            await RandomChange();
        }

        var last = "";
        try
        {
            await Eventually.True(async () =>
            {
                var (expected, expectedSlugs) = await Recompute();
                var actual = await Client.GetGrain<IProgrammeDashboardGrain>(IProgrammeDashboardGrain.Key).Get(Caller.System, DashboardFilter.All);
                var actualJson = JsonSerializer.Serialize(actual.Indicators, SiloHost.Json);
                string[] actualSlugs = [.. actual.Projects.Select(p => p.Slug).Order(StringComparer.Ordinal)];
                last = $"expected {expected}\nactual   {actualJson}\nslugs {string.Join(",", expectedSlugs)}\nrows  {string.Join(",", actualSlugs)}";
                return actualJson == expected && actualSlugs.SequenceEqual(expectedSlugs);
            }, "programme numbers equal to a recomputation", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail(last);
        }
        Assert.True(projects.Count > 3 && cooperatives.Count > 2, $"the sequence made {projects.Count} projects, {cooperatives.Count} cooperatives");
    }

    private async Task<(string Indicators, string[] Slugs)> Recompute()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        List<OrganisationFacts> organisations = [];
        foreach (var slug in cooperatives)
        {
            var cooperative = await Client.GetGrain<ICooperativeGrain>(slug).Get(admin);
            organisations.Add(OrganisationFactsRules.Of(slug, cooperative!.Profile, cooperative.Meta.Version));
        }
        foreach (var slug in diasporaGroups)
        {
            var group = await Client.GetGrain<IDiasporaGroupGrain>(slug).Get(admin);
            organisations.Add(OrganisationFactsRules.Of(slug, group!.Profile, group.Meta.Version));
        }
        var pledges = organisations.SelectMany(o => o.Pledges).ToArray();
        List<ProjectSummary> summaries = [];
        foreach (var slug in projects)
        {
            var project = await Client.GetGrain<IJointProjectGrain>(slug).Get(admin);
            var plan = await Client.GetGrain<IPlanDocumentGrain>(slug).GetSnapshot(admin);
            summaries.Add(ProjectSummaries.Compute(project!, PlanFactsRules.From(plan.Document, plan.Version, null), pledges, today, 0));
        }
        var indicators = ProgrammeAggregation.Compute(summaries, organisations, today);
        return (JsonSerializer.Serialize(indicators, SiloHost.Json), [.. projects.Order(StringComparer.Ordinal)]);
    }

    private async Task RandomChange()
    {
        var choice = projects.Count == 0 || cooperatives.Count == 0 ? random.Next(3) : random.Next(12);
        try
        {
            switch (choice)
            {
                case 0: await CreateCooperative(); break;
                case 1: await CreateProject(); break;
                case 2: await CreateDiasporaGroup(); break;
                case 3: await UpdateCooperative(); break;
                case 4: await AddPartner(); break;
                case 5: await Project().ChangeStatus(admin, Pick(Enum.GetValues<ProjectStatus>()), null); break;
                case 6: await AddContribution(); break;
                case 7 or 8: await AddPlanEntity(); break;
                case 9 or 10: await SetPlanStatus(); break;
                default: await DeleteProject(); break;
            }
        }
        catch (RuleViolationException)
        {
            // A transition the rules refuse (activating without partners of both regions…): nothing changed.
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private IJointProjectGrain Project() => Client.GetGrain<IJointProjectGrain>(Pick(projects));

    private string Token() => $"{random.Next(1_000_000):D6}";

    private async Task CreateCooperative()
    {
        var slug = $"coop-{Token()}";
        await Client.GetGrain<ICooperativeGrain>(slug).Create(admin, RandomCooperative(slug));
        cooperatives.Add(slug);
    }

    private async Task UpdateCooperative()
    {
        var slug = Pick(cooperatives);
        var grain = Client.GetGrain<ICooperativeGrain>(slug);
        var current = await grain.Get(admin);
        await grain.Update(admin, RandomCooperative(slug), current!.Meta.Version);
    }

    private CooperativeProfile RandomCooperative(string slug) => Samples.Cooperative($"Coopérative {slug}", Pick(Enum.GetValues<Region>())) with
    {
        CapacityNeeds = [.. Needs.Where(_ => random.Next(3) == 0).DistinctBy(n => n.ToLowerInvariant())],
        FairParticipations = [.. Enumerable.Range(0, random.Next(3)).Select(_ =>
            new FairParticipation(Pick(Enum.GetValues<Fair>()), 2023 + random.Next(4), FairRole.Exhibitor)).DistinctBy(f => (f.Fair, f.Year))],
    };

    private async Task CreateDiasporaGroup()
    {
        var slug = $"diaspora-{Token()}";
        var pledges = projects.Count == 0 ? [] : Enumerable.Range(0, 1 + random.Next(2)).Select(_ => random.Next(2) == 0
            ? new Pledge { Kind = PledgeKind.Money, Value = new Money(100 * (1 + random.Next(50)), Currency.Eur), Description = "Don", ProjectSlug = Pick(projects), Received = random.Next(2) == 0 }
            : new Pledge { Kind = PledgeKind.InKind, Description = "Matériel", ProjectSlug = Pick(projects), Received = random.Next(2) == 0 }).ToArray();
        await Client.GetGrain<IDiasporaGroupGrain>(slug).Create(admin, Samples.DiasporaGroup($"Diaspora {slug}", Pick(Enum.GetValues<Region>())) with { Pledges = pledges });
        diasporaGroups.Add(slug);
    }

    private async Task CreateProject()
    {
        var slug = $"projet-{Token()}";
        await Client.GetGrain<IJointProjectGrain>(slug).Create(admin, Samples.Project($"Projet {slug}") with
        {
            ValueChains = [Pick(ValueChains)],
            Budget = new Money(100_000 * (1 + random.Next(20)), Pick(Enum.GetValues<Currency>())),
        });
        projects.Add(slug);
        plans[slug] = (0, 0, [], []);
    }

    private async Task AddPartner()
    {
        var (kind, slug) = diasporaGroups.Count > 0 && random.Next(3) == 0
            ? (EntityKind.DiasporaGroup, Pick(diasporaGroups))
            : (EntityKind.Cooperative, Pick(cooperatives));
        await Project().AddPartner(admin, new PartnerRef(kind, slug), null);
    }

    private async Task AddContribution() =>
        await Project().AddContribution(admin, new ContributionInput
        {
            From = "Département de Kaolack",
            Amount = new Money(1_000 * (1 + random.Next(100)), Pick(Enum.GetValues<Currency>())),
            ReceivedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-random.Next(30)),
        }, null);

    private async Task AddPlanEntity()
    {
        var slug = Pick(projects);
        var plan = plans[slug];
        var milestone = random.Next(2) == 0;
        var id = $"{(milestone ? "m" : "t")}{plan.Seq + 1}";
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(-40, 40)).ToString("yyyy-MM-dd");
        var op = milestone
            ? Add(PlanEntityKind.Milestone, id, $"a{id}", (PlanFields.Title, $"Jalon {id}"), (PlanFields.DueDate, due), (PlanFields.Status, Pick(MilestoneStatuses)))
            : Add(PlanEntityKind.Task, id, $"a{id}", (PlanFields.Title, $"Tâche {id}"), (PlanFields.Status, Pick(TaskStatuses)));
        await Submit(slug, op);
        (milestone ? plans[slug].Milestones : plans[slug].Tasks).Add(id);
    }

    private async Task SetPlanStatus()
    {
        var slug = Pick(projects);
        var plan = plans[slug];
        if (plan.Tasks.Count > 0 && (plan.Milestones.Count == 0 || random.Next(2) == 0))
        {
            await Submit(slug, Set(PlanEntityKind.Task, Pick(plan.Tasks), PlanFields.Status, Pick(TaskStatuses)));
        }
        else if (plan.Milestones.Count > 0)
        {
            await Submit(slug, Set(PlanEntityKind.Milestone, Pick(plan.Milestones), PlanFields.Status, Pick(MilestoneStatuses)));
        }
    }

    private async Task Submit(string slug, PlanOp op)
    {
        var (version, seq, milestones, tasks) = plans[slug];
        var ack = await Client.GetGrain<IPlanDocumentGrain>(slug).Submit(admin, new PlanSubmission("propriete", seq + 1, version, op));
        plans[slug] = (ack.Version ?? version, seq + 1, milestones, tasks);
    }

    private async Task DeleteProject()
    {
        if (projects.Count <= 3)
        {
            return;
        }
        var slug = Pick(projects);
        var grain = Client.GetGrain<IJointProjectGrain>(slug);
        await grain.Delete(admin, (await grain.Get(admin))!.Meta.Version);
        projects.Remove(slug);
    }
}
