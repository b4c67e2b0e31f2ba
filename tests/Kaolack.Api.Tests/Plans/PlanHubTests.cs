using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaolack.Api.Hosting;
using Kaolack.Api.Tests.Live;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Plans;

/// <summary>
/// Plan co-editing over a real SignalR connection: the round trip, and every refusal (too large, malformed,
/// not allowed) leaving the document exactly as it was.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlanHubTests(ApiFixture app)
{
    private const string Submit = "SubmitPlanOp";

    [Fact]
    public async Task An_editor_submits_ops_every_subscriber_receives_them_applied_and_rest_reads_the_plan()
    {
        var team = await Team("plan-aller-retour");
        await using var editor = await Connect(team.Editor);
        await using var viewer = await Connect(team.Viewer);
        var viewerLog = new LiveEventLog(viewer);
        var topic = $"plan:{team.Slug}";
        var catchUp = await LiveEventLog.Subscribe(viewer, topic, null);

        var added = await SubmitRaw(editor, team.Slug, Submission("editeur", 1, 0,
            """{"type":"add","kind":"section","id":"budget","order":"a0","fields":{"heading":"Budget","body":"Kaolack"}}"""));
        var edited = await SubmitRaw(editor, team.Slug, Submission("editeur", 2, 1,
            """{"type":"text","kind":"section","id":"budget","field":"body","text":[7," ⇄ Oujda"]}"""));
        var events = await viewerLog.WaitForVersion(topic, 2, "the viewer");
        var plan = await ReadPlan(team.Owner, team.Slug);

        Assert.Equal((0L, ChangeKind.Snapshot), (catchUp.Version, Assert.Single(catchUp.Events).Change));
        Assert.Equal(new PlanAck(1, null), added);
        Assert.Equal(new PlanAck(2, null), edited);
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        var change = Assert.IsType<JsonElement>(events[1].Data).Deserialize<PlanChange>(SiloHost.Json)!;
        Assert.Equal(("editeur", 2L, team.Editor.Email), (change.ClientId, change.Seq, change.UserId));
        Assert.Equal("[7,\" ⇄ Oujda\"]", change.Op.Text!.ToString());
        Assert.Equal(2, plan.Version);
        Assert.Equal("Kaolack ⇄ Oujda", Assert.Single(plan.Document.Sections).Fields[PlanFields.Body]);
    }

    [Fact]
    public async Task A_message_over_256_KB_is_refused_and_the_plan_is_unchanged()
    {
        var team = await Team("plan-trop-gros");
        await using var editor = await Connect(team.Editor);
        await SubmitRaw(editor, team.Slug, Submission("editeur", 1, 0, """{"type":"add","kind":"section","id":"s1","order":"a0"}"""));
        var before = await ReadPlanJson(team.Owner, team.Slug);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        editor.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        // 300 000 ASCII characters: 300 KB on the wire, past KaolackApi.MaxMessageBytes (and past MaxInsertLength too,
        // but the size limit refuses it before anything reads it).
        var huge = new string('x', 300_000);
        var refusal = await Record.ExceptionAsync(() => SubmitRaw(editor, team.Slug, Submission("editeur", 2, 1,
            $$"""{"type":"text","kind":"section","id":"s1","field":"body","text":["{{huge}}"]}""")));
        var closedWith = await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(huge.Length > KaolackApi.MaxMessageBytes);
        Assert.NotNull(refusal);
        // Not an answer of the hub method: the server closed the connection, which fails the pending call.
        Assert.Contains("closed the connection", refusal.Message, StringComparison.Ordinal);
        // The server closes the connection with an error; the client sees it closed, not an ack.
        Assert.NotNull(closedWith);
        Assert.Equal(HubConnectionState.Disconnected, editor.State);
        Assert.Equal(before, await ReadPlanJson(team.Owner, team.Slug));
        // Just under the limit is a message like any other: here refused by the rules (insert too long), not by size.
        await using var again = await Connect(team.Editor);
        var underLimit = new string('y', 200_000);
        var tooLongInsert = await Assert.ThrowsAsync<HubException>(() => SubmitRaw(again, team.Slug, Submission("editeur", 2, 1,
            $$"""{"type":"text","kind":"section","id":"s1","field":"body","text":["{{underLimit}}"]}""")));
        Assert.Equal("validation-failed", Code(tooLongInsert));
        Assert.Equal(before, await ReadPlanJson(team.Owner, team.Slug));
    }

    public static TheoryData<string, string> MalformedOps => new()
    {
        { "unknown op type", """{"type":"rename","kind":"section","id":"s1","order":"b0"}""" },
        { "op type out of range", """{"type":42,"kind":"section","id":"s1","order":"b0"}""" },
        { "unknown kind", """{"type":"delete","kind":"chapter","id":"s1"}""" },
        { "unknown field of the kind", """{"type":"set","kind":"section","id":"s1","field":"couleur","value":"rouge"}""" },
        { "unknown JSON member", """{"type":"delete","kind":"section","id":"s1","couleur":"rouge"}""" },
        { "bad id", """{"type":"delete","kind":"section","id":"../s1"}""" },
        { "bad date", """{"type":"add","kind":"milestone","id":"m1","order":"a0","fields":{"dueDate":"31/12/2025"}}""" },
        { "bad status", """{"type":"add","kind":"task","id":"t1","order":"a0","fields":{"status":"planned"}}""" },
        { "text op past the end", """{"type":"text","kind":"section","id":"s1","field":"body","text":[3,{"d":5}]}""" },
        { "text op that is not an array", """{"type":"text","kind":"section","id":"s1","field":"body","text":"abc"}""" },
        { "text op with a trailing retain", """{"type":"text","kind":"section","id":"s1","field":"body","text":[1,"x",2]}""" },
        { "text op with an unknown component", """{"type":"text","kind":"section","id":"s1","field":"body","text":[true]}""" },
        { "text op missing", """{"type":"text","kind":"section","id":"s1","field":"body"}""" },
        { "op missing", "null" },
        { "op not an object", "[1,2,3]" },
    };

    [Theory]
    [MemberData(nameof(MalformedOps))]
    public async Task A_malformed_op_is_refused_with_validation_failed_and_the_plan_is_unchanged(string what, string op)
    {
        var team = await Team("plan-malforme");
        await using var editor = await Connect(team.Editor);
        await SubmitRaw(editor, team.Slug, Submission("editeur", 1, 0,
            """{"type":"add","kind":"section","id":"s1","order":"a0","fields":{"body":"abc"}}"""));
        var before = await ReadPlanJson(team.Owner, team.Slug);

        var refused = await Assert.ThrowsAsync<HubException>(() => SubmitRaw(editor, team.Slug, Submission("editeur", 2, 1, op)));
        // The connection stays usable and the refused op took no seq.
        var next = await SubmitRaw(editor, team.Slug, Submission("editeur", 2, 1,
            """{"type":"set","kind":"section","id":"s1","field":"heading","value":"Suite"}"""));

        Assert.True(Code(refused) == "validation-failed", $"{what}: {refused.Message}");
        Assert.Equal(HubConnectionState.Connected, editor.State);
        Assert.Equal(new PlanAck(2, null), next);
        var after = JsonNode.Parse(await ReadPlanJson(team.Owner, team.Slug))!;
        var expected = JsonNode.Parse(before)!;
        expected["version"] = 2;
        expected["document"]!["sections"]![0]!["fields"]!["heading"] = "Suite";
        Assert.True(JsonNode.DeepEquals(expected, after), $"{what}: the plan changed:\n{before}\n---\n{after}");
    }

    [Theory]
    [InlineData("submission not an object", "[\"editeur\",2,1]")]
    [InlineData("seq of the wrong type", """{"clientId":"editeur","seq":"deux","baseVersion":1,"op":{"type":"delete","kind":"section","id":"s1"}}""")]
    [InlineData("unknown member of the submission", """{"clientId":"editeur","seq":2,"baseVersion":1,"extra":true,"op":{"type":"delete","kind":"section","id":"s1"}}""")]
    [InlineData("missing client id", """{"seq":2,"baseVersion":1,"op":{"type":"delete","kind":"section","id":"s1"}}""")]
    public async Task A_malformed_submission_is_refused_with_validation_failed_and_the_plan_is_unchanged(string what, string submission)
    {
        var team = await Team("plan-soumission");
        await using var editor = await Connect(team.Editor);
        await SubmitRaw(editor, team.Slug, Submission("editeur", 1, 0, """{"type":"add","kind":"section","id":"s1","order":"a0"}"""));
        var before = await ReadPlanJson(team.Owner, team.Slug);

        var refused = await Assert.ThrowsAsync<HubException>(() => SubmitRaw(editor, team.Slug, submission));

        Assert.True(Code(refused) == "validation-failed", $"{what}: {refused.Message}");
        Assert.Equal(HubConnectionState.Connected, editor.State);
        Assert.Equal(before, await ReadPlanJson(team.Owner, team.Slug));
    }

    [Fact]
    public async Task A_viewer_or_a_stranger_submitting_is_forbidden_and_the_plan_is_unchanged()
    {
        var team = await Team("plan-lecteur");
        var stranger = await app.NewUserAsync("plan-inconnu");
        await using var editor = await Connect(team.Editor);
        await SubmitRaw(editor, team.Slug, Submission("editeur", 1, 0, """{"type":"add","kind":"section","id":"s1","order":"a0"}"""));
        var before = await ReadPlanJson(team.Owner, team.Slug);
        await using var viewer = await Connect(team.Viewer);
        await using var outsider = await Connect(stranger);
        var edit = Submission("intrus", 1, 1, """{"type":"delete","kind":"section","id":"s1"}""");

        var viewerRefused = await Assert.ThrowsAsync<HubException>(() => SubmitRaw(viewer, team.Slug, edit));
        var strangerRefused = await Assert.ThrowsAsync<HubException>(() => SubmitRaw(outsider, team.Slug, edit));
        var strangerSubscribe = await Assert.ThrowsAsync<HubException>(() => LiveEventLog.Subscribe(outsider, $"plan:{team.Slug}", null));
        using var strangerHttp = stranger.Client(app.Host);
        var strangerRead = await strangerHttp.GetAsync($"/api/projects/{team.Slug}/plan");
        var badSlug = await Assert.ThrowsAsync<HubException>(() => SubmitRaw(editor, "Pas Un Slug", edit));
        var noProject = await Assert.ThrowsAsync<HubException>(() => SubmitRaw(editor, Samples.Slug("plan-absent"), edit));

        Assert.Equal("forbidden", Code(viewerRefused));
        Assert.Equal("forbidden", Code(strangerRefused));
        Assert.Equal("forbidden", Code(strangerSubscribe));
        await strangerRead.Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("invalid-topic", Code(badSlug));
        // A project that does not exist answers as one the member may not see (issue 20): the slug tells nothing.
        Assert.Equal("forbidden", Code(noProject));
        Assert.Equal(before, await ReadPlanJson(team.Owner, team.Slug));
        // The viewer still reads.
        Assert.Equal(1, (await LiveEventLog.Subscribe(viewer, $"plan:{team.Slug}", null)).Version);
    }

    // ----- helpers -----

    private Task<PlanTeam> Team(string prefix) => PlanTeam.CreateAsync(app.Host, prefix);

    private async Task<HubConnection> Connect(TestUser user)
    {
        var connection = user.Hub(app.Host);
        await connection.StartAsync();
        return connection;
    }

    private static string Submission(string clientId, long seq, long baseVersion, string op) =>
        $$"""{"clientId":"{{clientId}}","seq":{{seq}},"baseVersion":{{baseVersion}},"op":{{op}}}""";

    /// <summary>Sends the submission exactly as written: the JSON goes on the wire untouched.</summary>
    private static Task<PlanAck> SubmitRaw(HubConnection connection, string slug, string submissionJson) =>
        connection.InvokeAsync<PlanAck>(Submit, slug, JsonDocument.Parse(submissionJson).RootElement);

    private async Task<PlanSnapshot> ReadPlan(TestUser user, string slug)
    {
        using var http = user.Client(app.Host);
        return await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>();
    }

    private async Task<string> ReadPlanJson(TestUser user, string slug)
    {
        using var http = user.Client(app.Host);
        using var response = await http.GetAsync($"/api/projects/{slug}/plan");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET plan: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The code the hub put first in its message ("forbidden: …"), after SignalR's own prefix.</summary>
    private static string Code(HubException error)
    {
        const string marker = "HubException: ";
        var at = error.Message.IndexOf(marker, StringComparison.Ordinal);
        var message = at < 0 ? error.Message : error.Message[(at + marker.Length)..];
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? message : message[..colon];
    }
}
