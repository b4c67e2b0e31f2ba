using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Kaolack.Client;
using Kaolack.Contracts.Plans;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Tests.Plans;

/// <summary>
/// The store loses ops it had acknowledged (an emulator killed before it flushed, a restore from an older backup): the
/// plan reloads behind what its clients hold. They are told with a typed code, start again from what is stored with their
/// pending edits kept and what they had offered back, and the loss is an alarm (log, /health, metric). Before, every later
/// edit was refused as "validation-failed" and the clients stayed stuck. On a host of its own: the alarm it raises would
/// leave a shared host's /health degraded for a day.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ServerBehindTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SiloHost? host;

    private SiloHost Host => host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync() => host = await SiloHost.StartAsync(ClusterCollection.NewCluster(azurite, "behind"));

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Clients_ahead_of_a_plan_that_lost_acked_ops_are_told_with_a_typed_code_resync_keep_their_edits_and_the_loss_is_an_alarm()
    {
        var team = await PlanTeam.CreateAsync(Host, "plan-perdu");
        var hubUri = new Uri(Host.BaseAddress, "/hubs/live");
        await using var editor = new PlanClient(PlanClient.CreateConnection(hubUri, () => Task.FromResult<string?>(team.Editor.Token)), team.Slug);
        var recovered = new ConcurrentQueue<RecoveredText>();
        editor.Updated += (_, e) =>
        {
            foreach (var text in e.Update.Recovered)
            {
                recovered.Enqueue(text);
            }
        };
        await editor.ConnectAsync();
        editor.Edit(PlanOps.Add(PlanEntityKind.Section, "s1", "a0"));
        editor.Edit(PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 0, "gardé"));
        await editor.WaitUntilSynchronizedAsync(TimeSpan.FromSeconds(20), minimumVersion: 2);
        var plan = Host.Grains.GetGrain<IPlanDocumentGrain>(team.Slug);
        await Deactivate(plan);
        var backup = await Backup(team.Slug);

        editor.Edit(PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 5, " perdu"));
        editor.Edit(PlanOps.Set(PlanEntityKind.Section, "s1", PlanFields.Heading, "Budget perdu"));
        await editor.WaitUntilSynchronizedAsync(TimeSpan.FromSeconds(20), minimumVersion: 4);
        // The snapshot is written at v4 by this deactivation; the store then goes back to v2, behind everyone's copy.
        await Deactivate(plan);
        await Restore(team.Slug, backup);
        await Deactivate(plan);

        await using var raw = team.Editor.Hub(Host);
        await raw.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => raw.InvokeAsync<PlanAck>("SubmitPlanOp", team.Slug,
            new PlanSubmission("brut", 1, 4, PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 0, "?"))));
        editor.Edit(model => PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, model.Text(PlanEntityKind.Section, "s1", PlanFields.Body).Length, " retapé"));
        await Eventually.True(() => editor.ServerLosses > 0 && editor.Status == PlanSyncStatus.Synchronized && editor.IsOnline,
            "the editor to start again from the stored plan and send its edit");
        var stored = await team.SnapshotAsync(Host);
        using var admin = team.Admin.Client(Host);
        using var health = await admin.GetAsync("/health");
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;

        Assert.Contains("rule-violation: ahead-of-server: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, stored.Version);
        Assert.Equal("gardé retapé", Assert.Single(stored.Document.Sections).Fields[PlanFields.Body]);
        Assert.Equal("gardé retapé", Assert.Single(editor.Document.Sections).Fields[PlanFields.Body]);
        Assert.Null(editor.Fault);
        Assert.Contains(new RecoveredText(PlanEntityKind.Section, "s1", PlanFields.Body, "gardé perdu"), recovered);
        Assert.Contains(new RecoveredText(PlanEntityKind.Section, "s1", PlanFields.Heading, "Budget perdu"), recovered);
        var losses = report.GetProperty("checks").GetProperty("lost-writes");
        Assert.Equal("Degraded", losses.GetProperty("status").GetString());
        Assert.Contains($"plan:{team.Slug}", losses.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(Host.Services.GetRequiredService<LostWrites>().Recent, loss => loss.Source == $"plan:{team.Slug}" && loss is { Seen: 4, Stored: 2 });
    }

    /// <summary>Ends the plan's activation and waits for the next one (the live relay watching it starts it at once).</summary>
    private async Task Deactivate(IPlanDocumentGrain plan)
    {
        await Host.Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(plan.GetGrainId());
        await plan.GetSnapshot(Caller.System);
    }

    private BlobContainerClient Documents => Container(GrainSetup.DocumentsContainer(Host.Options.ServiceId));

    private BlobContainerClient Logs => Container(GrainSetup.PlanLogContainer(Host.Options.ServiceId));

    private BlobContainerClient Container(string name) => new BlobServiceClient(Host.Options.StorageConnectionString).GetBlobContainerClient(name);

    /// <summary>The plan's snapshot and log segments as stored now: content, and the segments' metadata.</summary>
    private async Task<List<(string Container, string Name, byte[] Content, IDictionary<string, string> Metadata)>> Backup(string slug)
    {
        var saved = new List<(string, string, byte[], IDictionary<string, string>)>();
        foreach (var (container, prefix) in new[] { (Documents, (string?)null), (Logs, $"{slug}/") })
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, CancellationToken.None))
            {
                if (blob.Name.Contains(slug, StringComparison.Ordinal))
                {
                    var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                    saved.Add((container.Name, blob.Name, content, blob.Metadata));
                }
            }
        }
        Assert.Single(saved, blob => blob.Item1 == Documents.Name);
        return saved;
    }

    /// <summary>
    /// Puts back what <see cref="Backup"/> read: the log first (segments written since are deleted, the others cut back),
    /// then the snapshot, so an activation in between never reads a snapshot older than its log.
    /// </summary>
    private async Task Restore(string slug, List<(string Container, string Name, byte[] Content, IDictionary<string, string> Metadata)> backup)
    {
        await foreach (var blob in Logs.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{slug}/", CancellationToken.None))
        {
            await Logs.DeleteBlobAsync(blob.Name);
        }
        foreach (var segment in backup.Where(b => b.Container == Logs.Name))
        {
            var append = Logs.GetAppendBlobClient(segment.Name);
            await append.CreateAsync(new AppendBlobCreateOptions { Metadata = segment.Metadata });
            using var content = new MemoryStream(segment.Content);
            await append.AppendBlockAsync(content);
        }
        var snapshot = backup.Single(b => b.Container == Documents.Name);
        await Documents.GetBlobClient(snapshot.Name).UploadAsync(new BinaryData(snapshot.Content), overwrite: true);
    }
}
