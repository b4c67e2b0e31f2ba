using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Exchanges;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Projects;

namespace Kaolack.Grains.Tests.Directory;

/// <summary>
/// Entity grains await the directory call before answering, so each listing matches its entities
/// as soon as a write returns: no waiting here.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DirectorySyncTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    /// <summary>Creates what the test needs: member of its organisations, owner of its projects.</summary>
    private readonly Caller owner = Callers.Member("createur");

    [Fact]
    public async Task Cooperatives_directory_lists_the_same_names_and_versions_as_the_cooperatives()
    {
        var token = Samples.Token();
        var kept = client.GetGrain<ICooperativeGrain>($"jokko-{token}");
        var renamed = client.GetGrain<ICooperativeGrain>($"bok-jom-{token}");
        var deleted = client.GetGrain<ICooperativeGrain>($"ephemere-{token}");
        await kept.Create(owner, Samples.Cooperative("Coopérative Jokko"));
        await renamed.Create(owner, Samples.Cooperative("GIE Bok Jom"));
        await deleted.Create(owner, Samples.Cooperative("Coopérative éphémère"));
        await renamed.Update(owner, Samples.Cooperative("GIE Bok Jom Ndiaffate"), 1);
        await renamed.Update(owner, Samples.Cooperative("GIE Bok Jom Ndiaffate") with { MemberCount = 90 }, 2);
        await deleted.Delete(owner, 1);

        var listed = await Listed(EntityKind.Cooperative, token);

        var expected = new[] { (await kept.Get(owner))!, (await renamed.Get(owner))! }
            .Select(c => (c.Meta.Slug, c.Profile.Name, c.Meta.Version))
            .Order();
        Assert.Equal(expected, listed);
        Assert.Contains(listed, e => e.Name == "GIE Bok Jom Ndiaffate" && e.Version == 3);
    }

    [Fact]
    public async Task Diaspora_groups_directory_lists_the_same_names_and_versions_as_the_groups()
    {
        var token = Samples.Token();
        var lyon = client.GetGrain<IDiasporaGroupGrain>($"lyon-{token}");
        var madrid = client.GetGrain<IDiasporaGroupGrain>($"madrid-{token}");
        var gone = client.GetGrain<IDiasporaGroupGrain>($"bruxelles-{token}");
        await lyon.Create(owner, Samples.DiasporaGroup("Orientaux de Lyon"));
        await madrid.Create(owner, Samples.DiasporaGroup("Kaolackois de Madrid", Region.Kaolack) with { Country = "Espagne", City = "Madrid" });
        await gone.Create(owner, Samples.DiasporaGroup("Groupe de Bruxelles"));
        await lyon.Update(owner, Samples.DiasporaGroup("Orientaux de Lyon et Villeurbanne"), 1);
        await gone.Delete(owner, 1);

        var listed = await Listed(EntityKind.DiasporaGroup, token);

        var expected = new[] { (await lyon.Get(owner))!, (await madrid.Get(owner))! }
            .Select(g => (g.Meta.Slug, g.Profile.Name, g.Meta.Version))
            .Order();
        Assert.Equal(expected, listed);
        var madridEntry = (await Directory(EntityKind.DiasporaGroup).Search(owner, new DirectoryQuery { Text = $"madrid-{token}" })).Items.Single();
        Assert.Equal("Madrid, Espagne", madridEntry.Place);
        Assert.Equal([Region.Kaolack], madridEntry.Regions);
    }

    [Fact]
    public async Task Projects_directory_lists_the_same_names_versions_and_statuses_as_the_projects()
    {
        var token = Samples.Token();
        var coop = client.GetGrain<ICooperativeGrain>($"coop-{token}");
        var group = client.GetGrain<IDiasporaGroupGrain>($"groupe-{token}");
        await coop.Create(owner, Samples.Cooperative());
        await group.Create(owner, Samples.DiasporaGroup());
        var wells = client.GetGrain<IJointProjectGrain>($"puits-{token}");
        var school = client.GetGrain<IJointProjectGrain>($"ecole-{token}");
        var dropped = client.GetGrain<IJointProjectGrain>($"abandon-{token}");
        await wells.Create(owner, Samples.Project("Puits solaires"));
        await school.Create(owner, Samples.Project("École des champs"));
        await dropped.Create(owner, Samples.Project("Projet abandonné"));
        await wells.AddPartner(owner, new PartnerRef(EntityKind.Cooperative, $"coop-{token}"), null);
        await wells.AddPartner(owner, new PartnerRef(EntityKind.DiasporaGroup, $"groupe-{token}"), null);
        await wells.ChangeStatus(owner, ProjectStatus.Active, null);
        await school.Update(owner, Samples.Project("École des champs de Kaolack"), 1);
        await dropped.Delete(owner, 1);

        var page = await Directory(EntityKind.Project).Search(owner, new DirectoryQuery { Text = token });

        var projects = new[] { (await wells.Get(owner))!, (await school.Get(owner))! };
        Assert.Equal(
            projects.Select(p => (p.Meta.Slug, p.Charter.Title, p.Meta.Version, p.Status)).Order(),
            page.Items.Select(e => (e.Slug, e.Name, e.Version, e.Status!.Value)).Order());
        var wellsEntry = page.Items.Single(e => e.Slug == $"puits-{token}");
        Assert.Equal((4L, ProjectStatus.Active), (wellsEntry.Version, wellsEntry.Status));
        Assert.Equal([Region.Kaolack, Region.Oriental], wellsEntry.Regions);
    }

    [Fact]
    public async Task The_directory_of_each_kind_lists_only_that_kind()
    {
        var token = Samples.Token();
        await client.GetGrain<ICooperativeGrain>($"coop-{token}").Create(owner, Samples.Cooperative());
        await client.GetGrain<IDiasporaGroupGrain>($"groupe-{token}").Create(owner, Samples.DiasporaGroup());
        await client.GetGrain<IJointProjectGrain>($"projet-{token}").Create(owner, Samples.Project());
        await client.GetGrain<IOrganisationGrain>($"organisation-{token}").Create(owner, Samples.Organisation());
        await client.GetGrain<IExchangePostGrain>($"annonce-{token}")
            .Create(owner, Samples.Need(new PartnerRef(EntityKind.Organisation, $"organisation-{token}")) with { Title = $"Annonce {token}" });

        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            var entry = Assert.Single((await Directory(kind).Search(owner, new DirectoryQuery { Text = token })).Items);
            Assert.Equal(kind, entry.Kind);
        }
    }

    [Fact]
    public async Task The_directory_refuses_an_entry_of_another_kind()
    {
        var entry = new DirectoryEntry { Kind = EntityKind.Project, Slug = $"intrus-{Samples.Token()}", Name = "Intrus", Version = 1 };
        await Assert.ThrowsAsync<Contracts.Errors.ValidationFailedException>(() => Directory(EntityKind.Cooperative).Upsert(entry));
    }

    [Fact]
    public async Task A_listing_the_directory_lost_comes_back_when_the_entity_is_activated_again()
    {
        var token = Samples.Token();
        var coop = client.GetGrain<ICooperativeGrain>($"coop-{token}");
        await coop.Create(owner, Samples.Cooperative());
        await coop.Update(owner, Samples.Cooperative() with { MemberCount = 12 }, 1);
        var directory = Directory(EntityKind.Cooperative);
        await directory.Remove($"coop-{token}", 2);
        Assert.Equal(0, (await directory.Search(owner, new DirectoryQuery { Text = token })).Total);

        await fixture.Cluster.DeactivateAsync(coop);
        await coop.Get(owner);

        var entry = Assert.Single((await directory.Search(owner, new DirectoryQuery { Text = token })).Items);
        Assert.Equal(2, entry.Version);
    }

    [Fact]
    public async Task A_listing_left_behind_by_a_deletion_is_removed_when_the_entity_is_activated_again()
    {
        var token = Samples.Token();
        var slug = $"coop-{token}";
        var coop = client.GetGrain<ICooperativeGrain>(slug);
        var created = await coop.Create(owner, Samples.Cooperative());
        await coop.Delete(owner, 1);
        var directory = Directory(EntityKind.Cooperative);
        // As if the silo had stopped between persisting the deletion and telling the directory.
        await directory.Upsert(Kaolack.Grains.Entities.CooperativeRules.ToDirectoryEntry(created.Profile, created.Meta));
        Assert.Equal(1, (await directory.Search(owner, new DirectoryQuery { Text = token })).Total);

        await fixture.Cluster.DeactivateAsync(coop);
        Assert.Null(await coop.Get(owner));

        Assert.Equal(0, (await directory.Search(owner, new DirectoryQuery { Text = token })).Total);
    }

    private IDirectoryGrain Directory(EntityKind kind) => client.GetGrain<IDirectoryGrain>(kind.Plural());

    private async Task<(string Slug, string Name, long Version)[]> Listed(EntityKind kind, string token)
    {
        var page = await Directory(kind).Search(owner, new DirectoryQuery { Text = token, PageSize = DirectoryQuery.MaxPageSize });
        Assert.Equal(page.Items.Length, page.Total);
        return [.. page.Items.Select(e => (e.Slug, e.Name, e.Version)).Order()];
    }
}
