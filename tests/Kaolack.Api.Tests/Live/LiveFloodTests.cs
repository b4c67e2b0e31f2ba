using System.Diagnostics;
using System.Text.Json.Nodes;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Tests.Live;

/// <summary>
/// Floods that must not become a flood elsewhere (issue 20, item 6): a reader's presence updates reach a watcher as a
/// few lists a second, and an editor cannot grow a plan past its size limit.
/// </summary>
public sealed class LiveFloodTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task A_presence_flood_reaches_a_watcher_as_a_few_lists_a_second_the_last_one_current()
    {
        var team = await PlanTeam.CreateAsync(App.Host, "presence-deluge");
        await using var flooder = team.Viewer.Hub(App.Host);
        await using var watcher = team.Owner.Hub(App.Host);
        await flooder.StartAsync();
        await watcher.StartAsync();
        var log = new LiveEventLog(watcher);
        var topic = $"presence:{team.Slug}";
        await LiveEventLog.Subscribe(watcher, topic, null);
        const int updates = 300;

        var clock = Stopwatch.StartNew();
        for (var cursor = 1; cursor <= updates; cursor++)
        {
            await flooder.InvokeAsync("UpdatePresence", team.Slug, new PresenceUpdate("deluge", PlanEntityKind.Section, "s1", PlanFields.Body, cursor));
        }
        var flood = clock.Elapsed;
        var events = await log.WaitFor(topic, received => received.Length > 0 && Cursor(received[^1]) == updates, "the last cursor to reach the watcher");

        // One list per 100 ms at most (the first at once), and the final one after the flood.
        var allowed = (int)(flood.TotalMilliseconds / 100) + 3;
        Assert.True(events.Length <= allowed, $"{events.Length} lists for {updates} updates in {flood.TotalMilliseconds:0} ms (at most {allowed})");
        Assert.Equal(events.Select(e => e.Version).Order(), events.Select(e => e.Version));
    }

    [Fact]
    public async Task A_plan_grows_no_further_than_its_size_limit_the_edit_past_it_refused_with_its_rule_and_shrinking_still_works()
    {
        var team = await PlanTeam.CreateAsync(App.Host, "plan-enorme");
        await using var editor = team.Editor.Hub(App.Host);
        await editor.StartAsync();
        var chunk = new string('x', PlanRules.MaxInsertLength);
        long version = 0;
        HubException? refusal = null;
        // Sections of full bodies: the limit falls in the eleventh at the latest.
        for (var section = 0; section < 12 && refusal is null; section++)
        {
            version = await Submit(editor, team.Slug, version, new JsonObject { ["type"] = "add", ["kind"] = "section", ["id"] = $"s{section}", ["order"] = $"a{section}" });
            for (var length = 0; length < PlanRules.MaxTextLength && refusal is null; length += chunk.Length)
            {
                var insert = new JsonObject { ["type"] = "text", ["kind"] = "section", ["id"] = $"s{section}", ["field"] = "body", ["text"] = length == 0 ? new JsonArray(chunk) : new JsonArray(length, chunk) };
                try
                {
                    version = await Submit(editor, team.Slug, version, insert);
                }
                catch (HubException exception)
                {
                    refusal = exception;
                }
            }
        }
        var plan = await team.SnapshotAsync(App.Host);
        var shrunk = await Submit(editor, team.Slug, version, new JsonObject { ["type"] = "delete", ["kind"] = "section", ["id"] = "s0" });

        Assert.NotNull(refusal);
        Assert.Contains($"HubException: rule-violation: {PlanRules.SizeLimitRule}: ", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(version, plan.Version);
        Assert.InRange(plan.Document.Sections.Sum(s => s.Fields.GetValueOrDefault(PlanFields.Body, "").Length), PlanRules.MaxDocumentSize - PlanRules.MaxInsertLength - 1000, PlanRules.MaxDocumentSize);
        Assert.Equal(version + 1, shrunk);
    }

    private static int? Cursor(LiveEvent liveEvent) =>
        ((JsonElement)liveEvent.Data!).Deserialize<PresenceList>(SiloHost.Json)!.Entries.SingleOrDefault(e => e.ClientId == "deluge")?.Cursor;

    /// <summary>Submits one op on top of <paramref name="version"/> and answers the version that holds it.</summary>
    private static async Task<long> Submit(HubConnection connection, string slug, long version, JsonObject op)
    {
        var submission = new JsonObject { ["clientId"] = "editeur", ["seq"] = version + 1, ["baseVersion"] = version, ["op"] = op };
        var ack = await connection.InvokeAsync<PlanAck>("SubmitPlanOp", slug, JsonDocument.Parse(submission.ToJsonString()).RootElement);
        return ack.Version ?? throw new InvalidOperationException($"op dropped: {ack.Reason}");
    }
}
