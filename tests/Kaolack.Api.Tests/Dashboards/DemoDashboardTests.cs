using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Plans;

namespace Kaolack.Api.Tests.Dashboards;

/// <summary>
/// The demo data set gives the dashboard something to show — plans with milestones done, one late and tasks in
/// every state — read by the demo partner; seeding again on restart adds nothing, and the programme dashboard
/// reads back from storage.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DemoDashboardTests(AzuriteFixture azurite)
{
    private const string Partner = "partenaire.oriental@example.org";
    private const string Password = "kaolack-demo-2026";
    private static readonly string[] DemoProjects =
        ["diaspora-unite-transformation-cereales", "echanges-huile-olive-arachide", "presence-croisee-foires-kaolack-oriental"];

    [Fact]
    public async Task A_partner_sees_every_demo_project_with_meaningful_numbers_and_a_restart_seeds_nothing_twice()
    {
        var options = ClusterCollection.NewCluster(azurite, "demo-tableau") with { SeedDemoData = true };
        ProgrammeDashboard before;
        long[] planVersions;
        await using (var first = await SiloHost.StartAsync(options))
        {
            using var http = await first.CreateClientAsAsync(Partner, Password);
            before = await Seeded(http);
            planVersions = await PlanVersions(http);
            await first.StopAsync();
        }

        Assert.Equal(DemoProjects, before.Projects.Select(p => p.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(new MilestoneCounts(Done: 2, OnTrack: 6, Late: 1, Total: 9), before.Indicators.Milestones);
        Assert.Equal(new TaskCounts(5, 14), before.Indicators.Tasks);
        Assert.Contains(before.Indicators.Budget, b => b.Received > 0);
        Assert.Contains(before.Projects, p => p.Milestones.Late == 1 && p.NextMilestone is not null);
        Assert.Contains(before.Indicators.Engaged, e => e.Cooperatives > 0 && e.DiasporaGroups > 0);
        Assert.NotEmpty(before.Indicators.FairParticipations);
        Assert.NotEmpty(before.Indicators.CapacityNeeds);
        Assert.NotEmpty(before.Series);

        await using var second = await SiloHost.StartAsync(options);
        using var again = await second.CreateClientAsAsync(Partner, Password);
        // Read from the stored programme right away, before anything is pushed to it again.
        var stored = await (await again.GetAsync("/api/dashboard")).Read<ProgrammeDashboard>();
        Assert.Equal(DemoProjects, stored.Projects.Select(p => p.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(before.Indicators.Tasks, stored.Indicators.Tasks);
        await Eventually.True(async () => (await PlanVersions(again)).SequenceEqual(planVersions) && (await Seeded(again)).Indicators.Tasks == new TaskCounts(5, 14),
            "the second start to leave the demo plans as they were");
    }

    /// <summary>Waits until the three demo plans reached the dashboard (14 tasks), then returns it.</summary>
    private static async Task<ProgrammeDashboard> Seeded(HttpClient http)
    {
        ProgrammeDashboard? dashboard = null;
        await Eventually.True(async () =>
        {
            dashboard = await (await http.GetAsync("/api/dashboard")).Read<ProgrammeDashboard>();
            return dashboard.Projects.Length == DemoProjects.Length && dashboard.Indicators.Tasks.Total == 14;
        }, "the demo projects and plans on the dashboard", TimeSpan.FromSeconds(60));
        return dashboard!;
    }

    private static async Task<long[]> PlanVersions(HttpClient http) =>
        await Task.WhenAll(DemoProjects.Select(async slug => (await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>(HttpStatusCode.OK)).Version));
}
