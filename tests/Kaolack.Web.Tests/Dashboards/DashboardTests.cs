using System.Net.Http.Json;
using System.Text.Json;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Web.Tests.Dashboards;

/// <summary>
/// The dashboards as a partner sees them: live numbers while an editor works on a plan in another connection,
/// CSV exports equal to the table, filters in the address, the project status page, accessibility and screenshots.
/// </summary>
public sealed class DashboardTests(WebFixture web) : WebTests(web)
{
    private const string Project = "echanges-huile-olive-arachide";

    [Fact]
    public async Task A_partner_watches_a_task_ticked_by_an_editor_move_the_table_and_the_chart_without_reload()
    {
        await using var editor = await PlanEditor.Connect(Web.Host, DemoAccounts.OrientalMember, Project);
        var taskId = await editor.AddTwoTasksAndAMilestone("Mission à Taourirt");
        var before = await SummaryWhen(s => s.Tasks.Total >= 2 && s.PlanVersion >= editor.Version);

        var page = await Web.SignedInPageAsync(DemoAccounts.Partner);
        // Partners land on the dashboard, read-only.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/tableau-de-bord$"));
        await Assertions.Expect(page.GetByText("Lecture seule", new() { Exact = true })).ToBeVisibleAsync();
        var tasksCell = ProjectRow(page, Project).Locator("td[data-cell=tasks]");
        await Assertions.Expect(tasksCell).ToHaveTextAsync($"{before.Tasks.Done} / {before.Tasks.Total}");
        var progress = page.Locator("#chart-progress canvas");
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-values", new System.Text.RegularExpressions.Regex(@"^\[\["));
        var tasksDoneDrawn = TasksDoneToday(await progress.GetAttributeAsync("data-values"));
        var tasksDoneInTable = await page.Locator("#chart-progress tbody tr").Last.Locator("td").First.TextContentAsync();
        Assert.Equal(tasksDoneDrawn.ToString(System.Globalization.CultureInfo.InvariantCulture), tasksDoneInTable);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("Modifier|Supprimer|Enregistrer") })).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await editor.Set("task", taskId, "status", "done");

        await Assertions.Expect(tasksCell).ToHaveTextAsync($"{before.Tasks.Done + 1} / {before.Tasks.Total}");
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-values",
            new System.Text.RegularExpressions.Regex($@"^\[\[(\d+,)*{tasksDoneDrawn + 1}\]"));
        await Assertions.Expect(page.Locator("#chart-progress tbody tr").Last.Locator("td").First).ToHaveTextAsync($"{tasksDoneDrawn + 1}");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_csv_exports_hold_the_numbers_of_the_table_under_the_same_filters()
    {
        var page = await Web.SignedInPageAsync(DemoAccounts.Partner);
        // Other browser tests add projects to the shared app: the partner's table lists what the API lists.
        await Assertions.Expect(page.Locator("#dashboard-projects tbody tr")).ToHaveCountAsync(await ListedProjects(page, ""));
        await AssertCsvMatchesTable(page);

        // A filter goes to the address, the table, and the export links.
        await page.Locator("#dashboard-status").SelectOptionAsync("at-risk");
        var atRisk = await ListedProjects(page, "?status=at-risk");
        await Assertions.Expect(page.Locator("#dashboard-projects tbody tr")).ToHaveCountAsync(atRisk);
        await Assertions.Expect(ProjectRow(page, "presence-croisee-foires-kaolack-oriental")).ToBeVisibleAsync();
        Assert.Contains("statut=at-risk", page.Url, StringComparison.Ordinal);
        Assert.Contains("status=at-risk", await page.Locator("#export-projects").GetAttributeAsync("href"), StringComparison.Ordinal);
        await AssertCsvMatchesTable(page);
        var indicators = CsvReader.Parse(await Download(page, "#export-indicators"));
        Assert.Equal(["Projets", "", $"{atRisk}", ""], indicators.Single(r => r[0] == "Projets"));
        Assert.Equal($"{atRisk}", await page.Locator("#kpi-projects .dash-kpi__value").TextContentAsync());

        // Opened afresh, the filtered dashboard is the same.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#dashboard-status")).ToHaveValueAsync("at-risk");
        await Assertions.Expect(page.Locator("#dashboard-projects tbody tr")).ToHaveCountAsync(atRisk);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_project_status_page_lists_the_plan_milestones_live_and_links_to_the_workspace()
    {
        await using var editor = await PlanEditor.Connect(Web.Host, DemoAccounts.OrientalMember, Project);
        var title = $"Atelier qualité {Guid.NewGuid():N}"[..24];
        var milestoneId = await editor.Add("milestone", new() { ["title"] = title, ["dueDate"] = "2099-06-30", ["status"] = "planned" });

        var page = await Web.SignedInPageAsync(DemoAccounts.Partner);
        await ProjectRow(page, Project).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/tableau-de-bord/projets/{Project}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new("huile d'olive") })).ToBeVisibleAsync();
        var row = page.Locator($"#project-milestones tr[data-id='{milestoneId}']");
        await Assertions.Expect(row).ToContainTextAsync(title);
        await Assertions.Expect(row).ToContainTextAsync("Dans les temps");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Voir le plan du projet" })).ToHaveAttributeAsync("href", $"#/projets/{Project}");

        await editor.Set("milestone", milestoneId, "status", "done");

        await Assertions.Expect(row).ToContainTextAsync("Atteint");
        await PageChecks.AssertNoSeriousAccessibilityViolations(page, "project status");
        await PageChecks.Screenshot(page, "dashboard-project-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_has_no_serious_accessibility_violations_fits_a_phone_and_prints()
    {
        foreach (var (viewport, suffix) in new[] { (Viewports.Desktop, "desktop"), (Viewports.Phone, "phone") })
        {
            var page = await Web.SignedInPageAsync(DemoAccounts.Partner, viewport);
            await Assertions.Expect(page.Locator("#dashboard-projects tbody tr").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#chart-status canvas")).ToHaveAttributeAsync("data-values", new System.Text.RegularExpressions.Regex(@"^\[\["));
            await PageChecks.AssertNoSeriousAccessibilityViolations(page, $"dashboard ({suffix})");
            // Nothing but the wide projects table (which scrolls in its own box) is wider than the screen.
            await AssertFitsWidth(page, suffix);
            await PageChecks.Screenshot(page, $"dashboard-{suffix}");
            if (suffix == "desktop")
            {
                await page.EmulateMediaAsync(new() { Media = Media.Print });
                await Assertions.Expect(page.Locator(".topbar")).ToBeHiddenAsync();
                await Assertions.Expect(page.Locator(".dash-filters")).ToBeHiddenAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer / PDF" })).ToBeHiddenAsync();
                await Assertions.Expect(page.Locator("#dashboard-projects")).ToBeVisibleAsync();
                // A4 portrait less its margins is about 700 CSS pixels wide: print the layout at that width.
                await page.SetViewportSizeAsync(700, 990);
                await AssertFitsWidth(page, "A4 print");
                await PageChecks.Screenshot(page, "dashboard-print");
            }
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Nothing is wider than the screen (wide tables scroll in their own box), once charts have redrawn to their boxes.</summary>
    private static async Task AssertFitsWidth(IPage page, string screen)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth", null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            var widest = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll("main *")]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 5).map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`).join(", ")
                """);
            Assert.Fail($"the page is wider than the {screen} screen: {widest}");
        }
    }

    private static ILocator ProjectRow(IPage page, string slug) => page.Locator($"#dashboard-projects tr[data-slug='{slug}']");

    /// <summary>Today's tasks done: the last value of the progress chart's first dataset.</summary>
    private static int TasksDoneToday(string? dataValues)
    {
        using var values = JsonDocument.Parse(dataValues ?? "[]");
        return values.RootElement[0].EnumerateArray().Last().GetInt32();
    }

    /// <summary>The file behind an export link, fetched by the page with its own session cookie.</summary>
    private static async Task<string> Download(IPage page, string linkSelector)
    {
        var href = await page.Locator(linkSelector).GetAttributeAsync("href") ?? throw new InvalidOperationException($"{linkSelector} has no href");
        var text = await page.EvaluateAsync<string>("async href => { const r = await fetch(href); if (!r.ok) throw new Error(r.status); return await r.text(); }", href);
        return text.TrimStart('\uFEFF');
    }

    /// <summary>Every project row of the page's table is in the CSV with the same numbers, and nothing else is.</summary>
    private static async Task AssertCsvMatchesTable(IPage page)
    {
        var csv = CsvReader.Parse(await Download(page, "#export-projects"));
        var header = csv[0].ToList();
        // One row per project and currency: a project's other columns are the same on each.
        var rows = csv.Skip(1).DistinctBy(r => r[header.IndexOf("Identifiant")]).ToDictionary(r => r[header.IndexOf("Identifiant")], r => r);
        var table = page.Locator("#dashboard-projects tbody tr");
        var count = await table.CountAsync();
        Assert.Equal(count, rows.Count);
        for (var i = 0; i < count; i++)
        {
            var tr = table.Nth(i);
            var slug = await tr.GetAttributeAsync("data-slug") ?? "";
            Assert.True(rows.TryGetValue(slug, out var row), $"{slug} is in the table but not in the CSV");
            string Cell(string column) => row[header.IndexOf(column)];
            Assert.Equal(Cell("Titre"), (await tr.Locator("th").TextContentAsync())?.Trim());
            Assert.Equal($"{Cell("Jalons atteints")} / {Cell("Jalons")}", await tr.Locator("td[data-cell=milestones]").TextContentAsync());
            Assert.Equal(Cell("Jalons en retard"), await tr.Locator("td[data-cell=late]").TextContentAsync());
            Assert.Equal($"{Cell("Tâches faites")} / {Cell("Tâches")}", await tr.Locator("td[data-cell=tasks]").TextContentAsync());
            Assert.Equal(Cell("Statut"), (await tr.Locator(".status").TextContentAsync())?.Trim());
        }
    }

    private async Task<ProjectSummary> SummaryWhen(Func<ProjectSummary, bool> condition)
    {
        using var http = await Web.Host.CreateClientAsAsync(DemoAccounts.Partner, DemoAccounts.Password);
        ProjectSummary? summary = null;
        await Eventually.True(async () =>
        {
            summary = await http.GetFromJsonAsync<ProjectSummary>($"/api/projects/{Project}/summary", SiloHost.Json);
            return summary is not null && condition(summary);
        }, "the project summary to count the editor's plan");
        return summary!;
    }

    /// <summary>An editor working on a project's plan through the live hub, as the plan editor page does.</summary>
    private sealed class PlanEditor : IAsyncDisposable
    {
        private readonly HubConnection connection;
        private readonly string slug;
        private readonly string clientId = $"tests-{Guid.NewGuid():N}"[..16];
        private long seq;

        private PlanEditor(HubConnection connection, string slug, long version)
        {
            this.connection = connection;
            this.slug = slug;
            Version = version;
        }

        /// <summary>The plan version after this editor's last op.</summary>
        public long Version { get; private set; }

        public static async Task<PlanEditor> Connect(SiloHost host, string email, string slug)
        {
            using var http = await host.CreateClientAsAsync(email, DemoAccounts.Password);
            var plan = await http.GetFromJsonAsync<PlanSnapshot>($"/api/projects/{slug}/plan", SiloHost.Json);
            var connection = host.CreateHubConnection(await host.SignInAsync(email, DemoAccounts.Password));
            await connection.StartAsync();
            return new PlanEditor(connection, slug, plan!.Version);
        }

        /// <summary>Adds a milestone and two tasks to do; returns the id of the first task.</summary>
        public async Task<string> AddTwoTasksAndAMilestone(string milestoneTitle)
        {
            await Add("milestone", new() { ["title"] = milestoneTitle, ["dueDate"] = "2099-01-01", ["status"] = "planned" });
            var first = await Add("task", new() { ["title"] = "Réserver les billets", ["status"] = "todo" });
            await Add("task", new() { ["title"] = "Fiches techniques", ["status"] = "doing" });
            return first;
        }

        public async Task<string> Add(string kind, Dictionary<string, string> fields)
        {
            var id = $"{kind[0]}{Guid.NewGuid():N}"[..12];
            await Submit(new { type = "add", kind, id, order = $"z{id}", fields });
            return id;
        }

        public Task Set(string kind, string id, string field, string value) => Submit(new { type = "set", kind, id, field, value });

        private async Task Submit(object op)
        {
            var submission = JsonSerializer.SerializeToElement(new { clientId, seq = ++seq, baseVersion = Version, op }, SiloHost.Json);
            var ack = await connection.InvokeAsync<PlanAck>("SubmitPlanOp", slug, submission);
            Version = ack.Version ?? throw new InvalidOperationException($"op {seq} dropped: {ack.Reason}");
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>How many projects GET /api/dashboard lists to the page's account under the query.</summary>
    private static async Task<int> ListedProjects(IPage page, string query)
    {
        var response = await page.Context.APIRequest.GetAsync($"/api/dashboard{query}");
        Assert.True(response.Ok, $"GET /api/dashboard{query}: {response.Status}");
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("projects").GetArrayLength();
    }
}
