using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Grains.Hosting;
using Kaolack.Silo.Backup;

namespace Kaolack.Api.Tests.Backup;

/// <summary>
/// A service written to one archive and restored into another, empty storage account: every row and blob equal, and the
/// restored service serves a plan as it was, its history and named versions included; a second import is refused.
/// </summary>
public sealed class ServiceArchiveTests
{
    [Fact]
    public async Task A_service_restored_into_an_empty_account_is_equal_and_serves_a_plan_with_its_history_and_versions()
    {
        await using var source = await AzuriteServer.StartAsync();
        await using var target = await AzuriteServer.StartAsync();
        var serviceId = $"archive-{Guid.NewGuid():N}"[..20];
        PlanTeam team;
        PlanReadings before;
        await using (var host = await SiloHost.StartAsync(Options(source, serviceId)))
        {
            team = await PlanTeam.CreateAsync(host, "archive");
            await using var hub = team.Editor.Hub(host);
            await hub.StartAsync();
            await Send(hub, team.Slug, 1, 0, new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Section, Id = "s1", Order = "a0", Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Body, "Kaolack") });
            await Send(hub, team.Slug, 2, 1, new PlanOp { Type = PlanOpType.Text, Kind = PlanEntityKind.Section, Id = "s1", Field = PlanFields.Body, Text = TextOp.InsertAt(7, " et l'Oriental") });
            using var editor = team.Editor.Client(host);
            (await editor.PostAsJsonAsync($"/api/projects/{team.Slug}/plan/versions", new { name = "Avant la foire" }, SiloHost.Json)).EnsureSuccessStatusCode();
            await Send(hub, team.Slug, 3, 2, new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Task, Id = "t1", Order = "a0", Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Title, "Devis") });
            before = await PlanReadings.Read(host, team);
        }
        var stored = await StorageContents.Read(source.ConnectionString, serviceId);

        using var archive = new MemoryStream();
        var written = await Archive(source, serviceId).Export(archive);
        archive.Position = 0;
        var restored = await Archive(target, serviceId).Import(archive);
        var restoredContents = await StorageContents.Read(target.ConnectionString, serviceId);

        Assert.Equal((written.Entities, written.Blobs), (restored.Entities, restored.Blobs));
        Assert.Equal(stored.Entities.Count, written.Entities);
        Assert.Equal(stored.Blobs.Count, written.Blobs);
        Assert.Contains(stored.Blobs, b => b.StartsWith(GrainSetup.PlanLogContainer(serviceId) + "/" + team.Slug + "/log/", StringComparison.Ordinal) && b.Contains("|append|", StringComparison.Ordinal));
        Assert.Contains(stored.Blobs, b => b.StartsWith(GrainSetup.PlanLogContainer(serviceId) + "/" + team.Slug + "/versions/", StringComparison.Ordinal));
        Assert.Equal(stored.Entities, restoredContents.Entities);
        Assert.Equal(stored.Blobs, restoredContents.Blobs);

        archive.Position = 0;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Archive(target, serviceId).Import(archive));
        Assert.Contains("empty", refused.Message, StringComparison.Ordinal);
        var untouched = await StorageContents.Read(target.ConnectionString, serviceId);
        Assert.Equal(restoredContents.Entities, untouched.Entities);
        Assert.Equal(restoredContents.Blobs, untouched.Blobs);

        await using (var host = await SiloHost.StartAsync(Options(target, serviceId)))
        {
            Assert.Equal(before, await PlanReadings.Read(host, team));
        }
    }

    [Fact]
    public async Task An_archive_of_another_service_is_refused_and_changes_nothing()
    {
        await using var storage = await AzuriteServer.StartAsync();
        using var archive = new MemoryStream();
        await Archive(storage, "service-a").Export(archive);
        archive.Position = 0;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Archive(storage, "service-b").Import(archive));

        Assert.Contains("service-a", refused.Message, StringComparison.Ordinal);
        Assert.Empty((await StorageContents.Read(storage.ConnectionString, "service-b")).Blobs);
    }

    private static SiloHostOptions Options(AzuriteServer storage, string serviceId) =>
        new(storage.ConnectionString) { ServiceId = serviceId, Settings = HostSettings.Unthrottled };

    private static ServiceArchive Archive(AzuriteServer storage, string serviceId) =>
        new(new TableServiceClient(storage.ConnectionString), new BlobServiceClient(storage.ConnectionString), serviceId);

    private static async Task Send(HubConnection hub, string slug, long seq, long baseVersion, PlanOp op)
    {
        var ack = await hub.InvokeAsync<PlanAck>("SubmitPlanOp", slug, new PlanSubmission("archive", seq, baseVersion, op));
        Assert.Equal(new PlanAck(baseVersion + 1, null), ack);
    }

    /// <summary>What a reader sees of the plan, as JSON: the document, the history of the section, the named versions and the one saved.</summary>
    private sealed record PlanReadings(string Snapshot, string History, string Versions, string Version)
    {
        public static async Task<PlanReadings> Read(SiloHost host, PlanTeam team)
        {
            using var viewer = team.Viewer.Client(host);
            var plan = $"/api/projects/{team.Slug}/plan";
            var versions = await viewer.GetFromJsonAsync<PlanVersionInfo[]>($"{plan}/versions", SiloHost.Json);
            var saved = Assert.Single(versions!);
            var readings = new PlanReadings(
                await viewer.GetStringAsync(plan),
                await viewer.GetStringAsync($"{plan}/history?entity=s1"),
                await viewer.GetStringAsync($"{plan}/versions"),
                await viewer.GetStringAsync($"{plan}/versions/{saved.Id}"));
            Assert.Contains("Kaolack et l'Oriental", readings.Snapshot, StringComparison.Ordinal);
            Assert.Contains("Devis", readings.Snapshot, StringComparison.Ordinal);
            Assert.DoesNotContain("Devis", readings.Version, StringComparison.Ordinal);
            return readings;
        }
    }

    /// <summary>
    /// The service's rows and blobs as sorted lines, read here independently of the archive: a row's keys and typed
    /// properties (not the timestamp storage sets), a blob's container, name, kind, metadata and a hash of its bytes.
    /// </summary>
    private sealed record StorageContents(List<string> Entities, List<string> Blobs)
    {
        public static async Task<StorageContents> Read(string connectionString, string serviceId)
        {
            var entities = new List<string>();
            var tables = new TableServiceClient(connectionString);
            await foreach (var table in tables.QueryAsync(t => t.Name == GrainSetup.EntitiesTable))
            {
                await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    if (row.PartitionKey.StartsWith(serviceId + "_", StringComparison.Ordinal))
                    {
                        entities.Add(string.Join("|", row.Where(p => p.Key is not ("Timestamp" or "odata.etag"))
                            .OrderBy(p => p.Key, StringComparer.Ordinal)
                            .Select(p => $"{p.Key}={(p.Value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))}:{p.Value?.GetType().Name}")));
                    }
                }
            }
            var blobs = new List<string>();
            var service = new BlobServiceClient(connectionString);
            foreach (var name in new[] { GrainSetup.DocumentsContainer(serviceId), GrainSetup.PlanLogContainer(serviceId), GrainSetup.KeysContainer(serviceId) })
            {
                var container = service.GetBlobContainerClient(name);
                if (!await container.ExistsAsync())
                {
                    continue;
                }
                await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, CancellationToken.None))
                {
                    var bytes = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                    var metadata = string.Join(",", blob.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"));
                    blobs.Add($"{name}/{blob.Name}|{(blob.Properties.BlobType == BlobType.Append ? "append" : "block")}|{metadata}|{Convert.ToHexString(SHA256.HashData(bytes))}");
                }
            }
            entities.Sort(StringComparer.Ordinal);
            blobs.Sort(StringComparer.Ordinal);
            return new StorageContents(entities, blobs);
        }
    }
}
