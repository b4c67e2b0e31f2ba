using System.Net;
using System.Text.Json;
using Kaolack.Api.Tests.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Grains.Plans;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Plans;

/// <summary>
/// Named versions and per-entity history over REST: save, list, view, restore as a new edit that live clients
/// receive, the refusals (bad name, duplicate, unknown id, viewers) leaving everything unchanged, and history paging.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlanVersionsApiTests(ApiFixture app)
{
    private const string Submit = "SubmitPlanOp";

    [Fact]
    public async Task A_saved_version_is_listed_viewed_as_it_was_and_restored_as_a_new_edit_that_a_live_client_receives()
    {
        var team = await PlanTeam.CreateAsync(app.Host, "plan-versions");
        await using var editor = await Connect(team.Editor);
        await Send(editor, team.Slug, "e", 1, 0, new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Section, Id = "s1", Order = "a0", Fields = Fields((PlanFields.Heading, "Contexte"), (PlanFields.Body, "Kaolack et l'Oriental")) });
        await Send(editor, team.Slug, "e", 2, 1, new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Task, Id = "t1", Order = "a0", Fields = Fields((PlanFields.Title, "Devis")) });
        using var editorHttp = team.Editor.Client(app.Host);
        using var viewerHttp = team.Viewer.Client(app.Host);
        var saved = await (await editorHttp.Post($"/api/projects/{team.Slug}/plan/versions", new { name = "  Avant la foire  " }))
            .Read<PlanVersionInfo>(HttpStatusCode.Created);
        var savedDocument = (await ReadPlan(viewerHttp, team.Slug)).Document;

        // Everything changes after the save: the body, the task deleted, a milestone added.
        await Send(editor, team.Slug, "e", 3, 2, new PlanOp { Type = PlanOpType.Text, Kind = PlanEntityKind.Section, Id = "s1", Field = PlanFields.Body, Text = Kaolack.Contracts.Text.TextOp.InsertAt(0, "Entre ") });
        await Send(editor, team.Slug, "e", 4, 3, new PlanOp { Type = PlanOpType.Delete, Kind = PlanEntityKind.Task, Id = "t1" });
        await Send(editor, team.Slug, "e", 5, 4, new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Milestone, Id = "m1", Order = "a0", Fields = Fields((PlanFields.Title, "Foire")) });

        await using var viewer = await Connect(team.Viewer);
        var viewerLog = new LiveEventLog(viewer);
        var topic = $"plan:{team.Slug}";
        await LiveEventLog.Subscribe(viewer, topic, 5);
        var listed = await (await viewerHttp.GetAsync($"/api/projects/{team.Slug}/plan/versions")).Read<PlanVersionInfo[]>();
        var viewed = await (await viewerHttp.GetAsync($"/api/projects/{team.Slug}/plan/versions/{saved.Id}")).Read<PlanVersionView>();
        var restored = await (await editorHttp.PostAsync($"/api/projects/{team.Slug}/plan/versions/{saved.Id}/restore", null)).Read<PlanSnapshot>();
        var received = await viewerLog.WaitForVersion(topic, restored.Version, "the viewer");
        var after = await ReadPlan(viewerHttp, team.Slug);

        Assert.Equal(("Avant la foire", 2L, team.Editor.Email, team.Editor.Email.Split('@')[0]), (saved.Name, saved.Version, saved.UserId, saved.DisplayName));
        Assert.Equal([saved], listed);
        Assert.Equal(saved, viewed.Info);
        Assert.Equal(Json(savedDocument), Json(viewed.Document));
        // The restore: the milestone deleted, the body's "Entre " removed, the deleted task back under a new id.
        var restoreChanges = received.Where(e => e.Version > 5).Select(e => ((JsonElement)e.Data!).Deserialize<PlanChange>(SiloHost.Json)!).ToList();
        Assert.Equal(restored.Version - 5, restoreChanges.Count);
        Assert.All(restoreChanges, c => Assert.Equal(team.Editor.Email, c.UserId));
        Assert.Equal(["add task/t1-r6", "delete milestone/m1", "text section/s1"], restoreChanges.Select(c => $"{Name(c.Op.Type)} {Name(c.Op.Kind)}/{c.Op.Id}").Order(StringComparer.Ordinal));
        Assert.Equal(Json(restored), Json(after));
        Assert.Equal("Kaolack et l'Oriental", Assert.Single(after.Document.Sections).Fields[PlanFields.Body]);
        var task = Assert.Single(after.Document.Tasks);
        Assert.Equal(("t1-r6", "Devis"), (task.Id, task.Fields[PlanFields.Title]));
        Assert.Empty(after.Document.Milestones);
        // History records the restore under the editor, newest first.
        var history = await (await viewerHttp.GetAsync($"/api/projects/{team.Slug}/plan/history?entity=s1")).Read<PlanHistoryPage>();
        Assert.Equal([(PlanOpType.Text, team.Editor.Email), (PlanOpType.Add, team.Editor.Email)], history.Entries.Select(e => (e.Change, e.UserId)));
        Assert.Equal(restored.Version, history.Entries[0].Version);
    }

    [Fact]
    public async Task Bad_names_duplicates_unknown_versions_and_viewers_are_refused_and_nothing_changes()
    {
        var team = await PlanTeam.CreateAsync(app.Host, "plan-versions-refus");
        await using var editor = await Connect(team.Editor);
        await Send(editor, team.Slug, "e", 1, 0, new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Section, Id = "s1", Order = "a0" });
        using var editorHttp = team.Editor.Client(app.Host);
        using var viewerHttp = team.Viewer.Client(app.Host);
        var versions = $"/api/projects/{team.Slug}/plan/versions";
        var first = await (await editorHttp.Post(versions, new { name = "Budget validé" })).Read<PlanVersionInfo>(HttpStatusCode.Created);
        await Send(editor, team.Slug, "e", 2, 1, new PlanOp { Type = PlanOpType.Set, Kind = PlanEntityKind.Section, Id = "s1", Field = PlanFields.Heading, Value = "Budget" });
        var planBefore = Json(await ReadPlan(viewerHttp, team.Slug));

        foreach (var name in new[] { "", "   ", new string('n', PlanVersions.MaxNameLength + 1) })
        {
            var problem = await (await editorHttp.Post(versions, new { name })).Problem(HttpStatusCode.BadRequest, "validation-failed");
            Assert.Equal(["name"], problem.ErrorFields());
        }
        await (await editorHttp.Post(versions, new { name = " budget VALIDÉ " })).Problem(HttpStatusCode.Conflict, "already-exists");
        await (await editorHttp.Post(versions, new { name = "Budget", extra = 1 })).Problem(HttpStatusCode.BadRequest, "validation-failed");
        await (await viewerHttp.Post(versions, new { name = "Par le lecteur" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await viewerHttp.PostAsync($"{versions}/{first.Id}/restore", null)).Problem(HttpStatusCode.Forbidden, "forbidden");
        foreach (var unknown in new[] { "99", "0", "abc", "-1" })
        {
            await (await viewerHttp.GetAsync($"{versions}/{unknown}")).Problem(HttpStatusCode.NotFound, "not-found");
            await (await editorHttp.PostAsync($"{versions}/{unknown}/restore", null)).Problem(HttpStatusCode.NotFound, "not-found");
        }

        Assert.Equal([first], await (await viewerHttp.GetAsync(versions)).Read<PlanVersionInfo[]>());
        Assert.Equal(planBefore, Json(await ReadPlan(viewerHttp, team.Slug)));
        // The longest name is fine.
        var longest = new string('n', PlanVersions.MaxNameLength);
        Assert.Equal(longest, (await (await editorHttp.Post(versions, new { name = longest })).Read<PlanVersionInfo>(HttpStatusCode.Created)).Name);
    }

    [Fact]
    public async Task History_pages_newest_first_and_refuses_a_missing_entity_or_a_bad_limit()
    {
        var team = await PlanTeam.CreateAsync(app.Host, "plan-historique");
        await using var editor = await Connect(team.Editor);
        await Send(editor, team.Slug, "e", 1, 0, new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Milestone, Id = "m1", Order = "a0" });
        var statuses = new[] { "planned", "in-progress", "done", "planned", "in-progress" };
        for (var i = 0; i < statuses.Length; i++)
        {
            await Send(editor, team.Slug, "e", i + 2, i + 1, new PlanOp { Type = PlanOpType.Set, Kind = PlanEntityKind.Milestone, Id = "m1", Field = PlanFields.Status, Value = statuses[i] });
        }
        using var viewerHttp = team.Viewer.Client(app.Host);
        var path = $"/api/projects/{team.Slug}/plan/history";

        var first = await (await viewerHttp.GetAsync($"{path}?entity=m1&limit=4")).Read<PlanHistoryPage>();
        var second = await (await viewerHttp.GetAsync($"{path}?entity=m1&limit=4&before={first.NextBefore}")).Read<PlanHistoryPage>();
        var json = await (await viewerHttp.GetAsync($"{path}?entity=m1&limit=1")).Content.ReadAsStringAsync();

        Assert.Equal([6L, 5L, 4L, 3L], first.Entries.Select(e => e.Version));
        Assert.Equal(3, first.NextBefore);
        Assert.Equal([2L, 1L], second.Entries.Select(e => e.Version));
        Assert.Null(second.NextBefore);
        Assert.Equal(["in-progress", "planned", "done", "in-progress"], first.Entries.Select(e => e.Value));
        Assert.All(first.Entries, e => Assert.Equal((PlanEntityKind.Milestone, "m1", PlanFields.Status, team.Editor.Email), (e.Kind, e.EntityId, e.Field, e.UserId)));
        // The wire shape the web editor reads.
        var entry = JsonDocument.Parse(json).RootElement.GetProperty("entries")[0];
        Assert.Equal(["at", "change", "displayName", "entityId", "field", "kind", "userId", "value", "version"],
            entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("set", "milestone"), (entry.GetProperty("change").GetString(), entry.GetProperty("kind").GetString()));
        Assert.Equal(["entity"], (await (await viewerHttp.GetAsync(path)).Problem(HttpStatusCode.BadRequest, "validation-failed")).ErrorFields());
        Assert.Equal(["limit"], (await (await viewerHttp.GetAsync($"{path}?entity=m1&limit=0")).Problem(HttpStatusCode.BadRequest, "validation-failed")).ErrorFields());
        Assert.Equal(["limit"], (await (await viewerHttp.GetAsync($"{path}?entity=m1&limit=201")).Problem(HttpStatusCode.BadRequest, "validation-failed")).ErrorFields());
        Assert.Empty((await (await viewerHttp.GetAsync($"{path}?entity=inconnu")).Read<PlanHistoryPage>()).Entries);
    }

    private async Task<HubConnection> Connect(TestUser user)
    {
        var connection = user.Hub(app.Host);
        await connection.StartAsync();
        return connection;
    }

    private static async Task Send(HubConnection connection, string slug, string clientId, long seq, long baseVersion, PlanOp op)
    {
        var ack = await connection.InvokeAsync<PlanAck>(Submit, slug, new PlanSubmission(clientId, seq, baseVersion, op));
        Assert.Equal(new PlanAck(baseVersion + 1, null), ack);
    }

    private static System.Collections.Immutable.ImmutableDictionary<string, string> Fields(params (string Field, string Value)[] fields) =>
        System.Collections.Immutable.ImmutableDictionary.CreateRange(fields.Select(f => KeyValuePair.Create(f.Field, f.Value)));

    private static async Task<PlanSnapshot> ReadPlan(HttpClient http, string slug) =>
        await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>();

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SiloHost.Json);

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonSerializer.Serialize(value, SiloHost.Json).Trim('"');
}
