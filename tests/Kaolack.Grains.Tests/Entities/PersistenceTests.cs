using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Hosting;

namespace Kaolack.Grains.Tests.Entities;

/// <summary>Grain state lives in Azurite, not in silo memory: it survives deactivation and a whole new cluster reads it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    /// <summary>Creates what the test needs: member of its organisations, owner of its projects.</summary>
    private readonly Caller owner = Callers.Member("createur");

    [Fact]
    public async Task State_read_back_after_deactivating_the_grains_is_the_state_written()
    {
        var token = Samples.Token();
        var coop = client.GetGrain<ICooperativeGrain>($"coop-{token}");
        var project = client.GetGrain<IJointProjectGrain>($"puits-{token}");
        var projects = client.GetGrain<IDirectoryGrain>(EntityKind.Project.Plural());
        await coop.Create(owner, Samples.Cooperative());
        var coopWritten = await coop.Update(owner, Samples.Cooperative() with { MemberCount = 77, Products = ["Sel iodé"] }, 1);
        await project.Create(owner, Samples.Project());
        var projectWritten = await project.AddPartner(owner, new PartnerRef(EntityKind.Cooperative, $"coop-{token}"), 1);
        var listedBefore = await projects.Search(owner, new DirectoryQuery { Text = token });

        await fixture.Cluster.DeactivateAsync(coop);
        await fixture.Cluster.DeactivateAsync(project);
        await fixture.Cluster.DeactivateAsync(projects);
        Assert.False(fixture.Cluster.TryGetGrainContext(coop.GetGrainId(), out _));
        Assert.False(fixture.Cluster.TryGetGrainContext(project.GetGrainId(), out _));

        var coopRead = await coop.Get(owner);
        Assert.NotNull(coopRead);
        Assert.Equal(coopWritten.Meta, coopRead.Meta);
        Assert.Equal((77, "Sel iodé"), (coopRead.Profile.MemberCount, coopRead.Profile.Products.Single()));
        Assert.Equal([owner.UserId], coopRead.Members);
        var projectRead = await project.Get(owner);
        Assert.NotNull(projectRead);
        Assert.Equal(projectWritten.Meta, projectRead.Meta);
        Assert.Equal([$"coop-{token}"], projectRead.Partners.Select(p => p.Slug));
        Assert.Equal(projectWritten.Activity, projectRead.Activity);
        Assert.Equal(projectWritten.Members, projectRead.Members);
        Assert.Equal([(owner.UserId, ProjectRole.Owner)], projectRead.Members.Select(m => (m.UserId, m.Role)));
        var listedAfter = await projects.Search(owner, new DirectoryQuery { Text = token });
        Assert.Equal(listedBefore.Items.Select(e => (e.Slug, e.Version)), listedAfter.Items.Select(e => (e.Slug, e.Version)));
    }

    [Fact]
    public async Task A_deleted_entity_keeps_its_version_across_deactivation()
    {
        var coop = client.GetGrain<ICooperativeGrain>($"coop-{Samples.Token()}");
        await coop.Create(owner, Samples.Cooperative());
        await coop.Delete(owner, 1);

        await fixture.Cluster.DeactivateAsync(coop);

        Assert.Null(await coop.Get(owner));
        Assert.Equal(3, (await coop.Create(owner, Samples.Cooperative())).Meta.Version);
    }

    [Fact]
    public async Task Entity_rows_are_in_the_KaolackEntities_table_and_directories_in_the_service_blob_container()
    {
        var slug = $"coop-{Samples.Token()}";
        await client.GetGrain<ICooperativeGrain>(slug).Create(owner, Samples.Cooperative());

        var table = new TableClient(fixture.StorageConnectionString, GrainSetup.EntitiesTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            if (row.PartitionKey.StartsWith($"{fixture.ServiceId}_", StringComparison.Ordinal)
                && row.PartitionKey.EndsWith(slug, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }
        var stored = Assert.Single(rows);
        Assert.Contains(stored.Keys, key => stored[key] is byte[] { Length: > 0 });

        var container = new BlobContainerClient(fixture.StorageConnectionString, GrainSetup.DocumentsContainer(fixture.ServiceId));
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }
        Assert.Contains(blobs, name => name.Contains("cooperatives", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_cluster_with_the_same_service_id_reads_the_state_the_first_one_wrote()
    {
        var token = Samples.Token();
        var written = await client.GetGrain<ICooperativeGrain>($"coop-{token}").Create(owner, Samples.Cooperative("Coopérative durable"));

        await using var second = await ClusterFixture.StartClusterAsync(fixture.StorageConnectionString, fixture.ServiceId, silos: 1);

        var read = await second.Client.GetGrain<ICooperativeGrain>($"coop-{token}").Get(owner);
        Assert.NotNull(read);
        Assert.Equal((written.Meta, "Coopérative durable"), (read.Meta, read.Profile.Name));
        var listed = await second.Client.GetGrain<IDirectoryGrain>(EntityKind.Cooperative.Plural()).Search(owner, new DirectoryQuery { Text = token });
        Assert.Equal([(written.Meta.Slug, 1L)], listed.Items.Select(e => (e.Slug, e.Version)));
    }
}
