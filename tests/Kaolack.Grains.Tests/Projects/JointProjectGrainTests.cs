using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;

namespace Kaolack.Grains.Tests.Projects;

public sealed class JointProjectGrainTests(ClusterFixture fixture) : GrainTests(fixture)
{
    /// <summary>Creates the test's project (its owner) and partner organisations (their member).</summary>
    private readonly Caller owner = Callers.Member("porteur");

    [Fact]
    public async Task A_project_with_a_Kaolack_cooperative_and_an_Oriental_diaspora_group_becomes_active_and_the_directory_shows_it()
    {
        var (token, coop, group) = await Partners();
        var project = Client.GetGrain<IJointProjectGrain>($"puits-{token}");
        var created = await project.Create(owner, Samples.Project());
        Assert.Equal((1L, ProjectStatus.Proposed), (created.Meta.Version, created.Status));

        await project.AddPartner(owner, coop, 1);
        await project.AddPartner(owner, group, 2);
        var active = await project.ChangeStatus(owner, ProjectStatus.Active, 3);

        Assert.Equal((4L, ProjectStatus.Active), (active.Meta.Version, active.Status));
        Assert.Equal(
            [(EntityKind.Cooperative, coop.Slug, Region.Kaolack), (EntityKind.DiasporaGroup, group.Slug, Region.Oriental)],
            active.Partners.Select(p => (p.Kind, p.Slug, p.Region)));
        Assert.Equal(["created", "partner-added", "partner-added", "status-changed"], active.Activity.Select(a => a.Kind));
        Assert.Equal([1L, 2L, 3L, 4L], active.Activity.Select(a => a.Version));
        var entry = Assert.Single((await Directory().Search(owner, new DirectoryQuery { Text = token, Status = ProjectStatus.Active })).Items);
        Assert.Equal((ProjectStatus.Active, 4L), (entry.Status, entry.Version));
        Assert.Equal([Region.Kaolack, Region.Oriental], entry.Regions);
    }

    [Fact]
    public async Task Activating_without_partners_from_both_regions_is_refused_and_changes_nothing()
    {
        var (token, coop, _) = await Partners();
        var project = await NewProject(token);
        await project.AddPartner(owner, coop, null);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => project.ChangeStatus(owner, ProjectStatus.Active, null));

        Assert.Equal("partners-from-both-regions", error.Rule);
        var read = await project.Get(owner);
        Assert.Equal((2L, ProjectStatus.Proposed), (read!.Meta.Version, read.Status));
        Assert.Equal(["created", "partner-added"], read.Activity.Select(a => a.Kind));
        var entry = Assert.Single((await Directory().Search(owner, new DirectoryQuery { Text = token })).Items);
        Assert.Equal((ProjectStatus.Proposed, 2L), (entry.Status, entry.Version));
    }

    [Fact]
    public async Task Adding_a_partner_that_does_not_exist_is_refused_with_the_slug_key()
    {
        var token = Samples.Token();
        var project = await NewProject(token);

        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            project.AddPartner(owner, new PartnerRef(EntityKind.Cooperative, $"inconnue-{token}"), null));
        var malformed = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            project.AddPartner(owner, new PartnerRef(EntityKind.Cooperative, "Pas Un Slug"), null));
        var notAPartnerKind = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            project.AddPartner(owner, new PartnerRef(EntityKind.Project, $"puits-{token}"), null));

        Assert.Equal(["slug"], unknown.Errors.Keys);
        Assert.Equal(["slug"], malformed.Errors.Keys);
        Assert.Equal(["kind"], notAPartnerKind.Errors.Keys);
        var read = await project.Get(owner);
        Assert.Equal(1, read!.Meta.Version);
        Assert.Empty(read.Partners);
    }

    [Fact]
    public async Task A_deleted_organisation_can_no_longer_join_a_project()
    {
        var (token, coop, _) = await Partners();
        await Client.GetGrain<ICooperativeGrain>(coop.Slug).Delete(owner, 1);
        var project = await NewProject(token);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => project.AddPartner(owner, coop, null));

        Assert.Equal(["slug"], error.Errors.Keys);
    }

    [Fact]
    public async Task Adding_an_existing_partner_again_spends_no_version()
    {
        var (token, coop, _) = await Partners();
        var project = await NewProject(token);
        await project.AddPartner(owner, coop, null);

        var again = await project.AddPartner(owner, coop, 2);

        Assert.Equal(2, again.Meta.Version);
        Assert.Single(again.Partners);
        Assert.Equal(2, (await project.Get(owner))!.Meta.Version);
    }

    [Fact]
    public async Task Removing_the_last_partner_of_a_region_from_an_active_project_is_refused()
    {
        var (token, coop, group) = await Partners();
        var project = await NewProject(token);
        await project.AddPartner(owner, coop, null);
        await project.AddPartner(owner, group, null);
        await project.ChangeStatus(owner, ProjectStatus.Active, null);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => project.RemovePartner(owner, group, null));

        Assert.Equal("partners-from-both-regions", error.Rule);
        var read = await project.Get(owner);
        Assert.Equal((4L, 2), (read!.Meta.Version, read.Partners.Length));
    }

    [Fact]
    public async Task Operations_with_a_stale_expected_version_are_conflicts()
    {
        var (token, coop, _) = await Partners();
        var project = await NewProject(token);
        await project.Update(owner, Samples.Project("Puits solaires, phase 2"), 1);

        await Assert.ThrowsAsync<VersionConflictException>(() => project.Update(owner, Samples.Project("Autre"), 1));
        await Assert.ThrowsAsync<VersionConflictException>(() => project.AddPartner(owner, coop, 1));
        await Assert.ThrowsAsync<VersionConflictException>(() => project.ChangeStatus(owner, ProjectStatus.Cancelled, 1));

        var read = await project.Get(owner);
        Assert.Equal((2L, "Puits solaires, phase 2", ProjectStatus.Proposed), (read!.Meta.Version, read.Charter.Title, read.Status));
        Assert.Empty(read.Partners);
    }

    [Fact]
    public async Task Contributions_are_numbered_and_logged()
    {
        var project = await NewProject(Samples.Token());
        var contribution = new ContributionInput
        {
            From = "  Mairie de Kaolack ",
            Amount = new Money(250_000m, Currency.Xof),
            ReceivedOn = new DateOnly(2025, 3, 1),
        };

        await project.AddContribution(owner, contribution, null);
        var second = await project.AddContribution(owner, contribution with { From = "Région de l'Oriental", Amount = new Money(20_000m, Currency.Mad) }, 2);

        Assert.Equal([1, 2], second.Contributions.Select(c => c.Number));
        Assert.Equal("Mairie de Kaolack", second.Contributions[0].Details.From);
        Assert.Equal(3, second.Meta.Version);
        Assert.Equal("contribution-added", second.Activity[^1].Kind);
    }

    private IDirectoryGrain Directory() => Client.GetGrain<IDirectoryGrain>(EntityKind.Project.Plural());

    /// <summary>A proposed project (version 1) named with the token, owned by <see cref="owner"/>.</summary>
    private async Task<IJointProjectGrain> NewProject(string token)
    {
        var project = Client.GetGrain<IJointProjectGrain>($"puits-{token}");
        await project.Create(owner, Samples.Project());
        return project;
    }

    /// <summary>A fresh token, a cooperative of Kaolack and a diaspora group of the Oriental named with it.</summary>
    private async Task<(string Token, PartnerRef Cooperative, PartnerRef DiasporaGroup)> Partners()
    {
        var token = Samples.Token();
        var coop = new PartnerRef(EntityKind.Cooperative, $"coop-{token}");
        var group = new PartnerRef(EntityKind.DiasporaGroup, $"groupe-{token}");
        await Client.GetGrain<ICooperativeGrain>(coop.Slug).Create(owner, Samples.Cooperative(region: Region.Kaolack));
        await Client.GetGrain<IDiasporaGroupGrain>(group.Slug).Create(owner, Samples.DiasporaGroup(origin: Region.Oriental));
        return (token, coop, group);
    }
}
