using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Kaolack.Api.Tests.Projects;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Grains.Hosting;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Plans;

/// <summary>
/// A heavily edited plan stays readable after a cold restart, on an Azurite that may open only
/// <see cref="OpenFilesLimit"/> files (it opens one per block of an append blob it serves); and a plan whose log cannot
/// be read at all does not take its project down: it serves its last snapshot read-only and says so in /health.
/// </summary>
public sealed class PlanLogRecoveryTests : IAsyncLifetime
{
    /// <summary>Low enough for a test to write more blocks than that in seconds; enough for Azurite and a silo's connections.</summary>
    private const int OpenFilesLimit = 256;

    private AzuriteServer? azurite;

    private AzuriteServer Azurite => azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() => azurite = await AzuriteServer.StartAsync(OpenFilesLimit);

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_plan_whose_log_segment_holds_more_blocks_than_the_store_may_open_files_reads_back_whole_after_a_cold_restart()
    {
        const int typed = OpenFilesLimit + 64;
        // One segment of many blocks, as the logs written before segments rolled by block count.
        var options = Options(("Kaolack:PlanStorage:SegmentMaxBlocks", "45000"));
        string slug;
        string text;
        await using (var first = await SiloHost.StartAsync(options))
        {
            var owner = await TestUser.RegisterAsync(first, "journal-long");
            (slug, text) = await TypeOneOpPerBlock(first, owner, typed);
        }

        await using var second = await SiloHost.StartAsync(options);
        var admin = await TestUser.AdminAsync(second);
        using var http = admin.Client(second);
        var plan = await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>();

        Assert.Equal(typed + 1, plan.Version);
        Assert.Equal(text, Assert.Single(plan.Document.Sections).Fields[PlanFields.Body]);
    }

    [Fact]
    public async Task A_plan_whose_log_cannot_be_read_serves_its_last_snapshot_read_only_and_health_names_it()
    {
        var options = Options();
        string slug;
        string text;
        await using (var first = await SiloHost.StartAsync(options))
        {
            var owner = await TestUser.RegisterAsync(first, "journal-abime");
            (slug, text) = await TypeOneOpPerBlock(first, owner, 5);
            // A named version stores a snapshot of everything typed: the last state a damaged log leaves to serve.
            using var ownerHttp = owner.Client(first);
            await (await ownerHttp.Post($"/api/projects/{slug}/plan/versions", new { name = "Avant la panne" })).Read<PlanVersionInfo>(HttpStatusCode.Created);
        }
        // A frame header announcing more bytes than the segment holds: whoever reads the log finds it damaged.
        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(GrainSetup.PlanLogContainer(options.ServiceId));
        var segments = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{slug}/log/", CancellationToken.None))
        {
            segments.Add(blob.Name);
        }
        using (var garbage = new MemoryStream([0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))
        {
            await container.GetAppendBlobClient(Assert.Single(segments)).AppendBlockAsync(garbage);
        }

        await using var second = await SiloHost.StartAsync(options);
        var admin = await TestUser.AdminAsync(second);
        using var http = admin.Client(second);
        var plan = await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>();
        var project = await http.GetAsync($"/api/projects/{slug}");
        await using var hub = admin.Hub(second);
        await hub.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<PlanAck>("SubmitPlanOp", slug,
            new PlanSubmission("apres-reprise", 1, plan.Version, Body(TextOp.InsertAt(0, "perdu ? ")))));
        using var health = await http.GetAsync("/health");
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(6, plan.Version);
        Assert.Equal(text, Assert.Single(plan.Document.Sections).Fields[PlanFields.Body]);
        Assert.Equal(HttpStatusCode.OK, project.StatusCode);
        Assert.Contains("rule-violation: plan-read-only: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var plans = report.GetProperty("checks").GetProperty("plans");
        Assert.Equal("Degraded", plans.GetProperty("status").GetString());
        Assert.Contains(slug, plans.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(plan.Version, (await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>()).Version);
    }

    /// <summary>One storage and service for both hosts of a test, so the second is a cold restart of the first.</summary>
    private SiloHostOptions Options(params (string Key, string Value)[] settings) =>
        new(Azurite.ConnectionString) { Settings = HostSettings.UnthrottledWith(settings) };

    /// <summary>A new project whose plan gets a section, then <paramref name="count"/> keystrokes each acknowledged before the next (one log block each).</summary>
    private static async Task<(string Slug, string Text)> TypeOneOpPerBlock(SiloHost host, TestUser owner, int count)
    {
        using var http = owner.Client(host);
        var slug = await ProjectTeam.CreateProject(http, "journal");
        await using var hub = owner.Hub(host);
        await hub.StartAsync();
        var clientId = $"c-{Guid.NewGuid():N}"[..12];
        var add = new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Section, Id = "s1", Order = "a0" };
        Assert.Equal(1, (await hub.InvokeAsync<PlanAck>("SubmitPlanOp", slug, new PlanSubmission(clientId, 1, 0, add))).Version);
        for (var i = 1; i <= count; i++)
        {
            var letter = (char)('a' + i % 26);
            var ack = await hub.InvokeAsync<PlanAck>("SubmitPlanOp", slug, new PlanSubmission(clientId, i + 1, i, Body(TextOp.InsertAt(0, $"{letter}"))));
            Assert.Equal(i + 1, ack.Version);
        }
        var text = string.Concat(Enumerable.Range(1, count).Reverse().Select(i => (char)('a' + i % 26)));
        return (slug, text);
    }

    private static PlanOp Body(TextOp text) =>
        new() { Type = PlanOpType.Text, Kind = PlanEntityKind.Section, Id = "s1", Field = PlanFields.Body, Text = text };
}
