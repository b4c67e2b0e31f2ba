using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;

namespace Kaolack.Grains.Tests.Entities;

[Collection(ClusterCollection.Name)]
public sealed class CooperativeGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    /// <summary>Creates the cooperatives of the test, and so is their member.</summary>
    private readonly Caller owner = Callers.Member("createur");

    [Fact]
    public async Task Create_gives_version_1_makes_the_creator_its_member_and_Get_returns_the_normalized_profile()
    {
        var token = Samples.Token();
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{token}");

        var created = await grain.Create(owner, Samples.Cooperative() with
        {
            Name = "  Coopérative   Jokko ",
            ValueChains = ["Céréales", " cereales ", "Arachide"],
            Contact = new Contact { Email = " Awa@Jokko.SN " },
        });

        Assert.Equal(1, created.Meta.Version);
        Assert.Equal($"coop-{token}", created.Meta.Slug);
        Assert.Equal(created.Meta.CreatedAt, created.Meta.UpdatedAt);
        var read = await grain.Get(owner);
        Assert.NotNull(read);
        Assert.Equal(1, read.Meta.Version);
        Assert.Equal("Coopérative Jokko", read.Profile.Name);
        Assert.Equal(["Céréales", "Arachide"], read.Profile.ValueChains);
        Assert.Equal("awa@jokko.sn", read.Profile.Contact.Email);
        Assert.Equal([owner.UserId], created.Members);
        Assert.Equal([owner.UserId], read.Members);
        Assert.Equal(created, read with { Profile = created.Profile, Members = created.Members });
    }

    [Fact]
    public async Task Update_with_the_current_version_gives_the_next_version()
    {
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{Samples.Token()}");
        var created = await grain.Create(owner, Samples.Cooperative());

        var updated = await grain.Update(owner, Samples.Cooperative() with { MemberCount = 80 }, expectedVersion: 1);

        Assert.Equal(2, updated.Meta.Version);
        Assert.Equal(created.Meta.CreatedAt, updated.Meta.CreatedAt);
        Assert.True(updated.Meta.UpdatedAt >= created.Meta.UpdatedAt);
        var read = await grain.Get(owner);
        Assert.Equal((2L, 80), (read!.Meta.Version, read.Profile.MemberCount));
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{Samples.Token()}");
        await grain.Create(owner, Samples.Cooperative());
        await grain.Update(owner, Samples.Cooperative() with { MemberCount = 80 }, expectedVersion: 1);

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() =>
            grain.Update(owner, Samples.Cooperative() with { MemberCount = 5, Name = "Autre nom" }, expectedVersion: 1));

        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.CurrentVersion));
        Assert.Equal("version-conflict", conflict.Code);
        var read = await grain.Get(owner);
        Assert.Equal(2, read!.Meta.Version);
        Assert.Equal(80, read.Profile.MemberCount);
        Assert.Equal("Coopérative Jokko", read.Profile.Name);
    }

    [Fact]
    public async Task Invalid_create_is_refused_with_field_keys_and_nothing_is_stored_or_listed()
    {
        var token = Samples.Token();
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{token}");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.Create(owner, Samples.Cooperative() with
        {
            MemberCount = 0,
            Contact = new Contact { Email = "pas-une-adresse" },
            FairParticipations = [new FairParticipation(Fair.SalonEssOriental, 1990, FairRole.Visitor)],
        }));

        Assert.Equal(
            ["contact.email", "fairParticipations[0].year", "memberCount"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await grain.Get(owner));
        Assert.Null(await grain.GetPartnerInfo());
        Assert.Equal(0, (await Directory().Search(owner, new DirectoryQuery { Text = token })).Total);
    }

    [Fact]
    public async Task Invalid_update_is_refused_with_field_keys_and_the_profile_and_listing_stay_as_they_were()
    {
        var token = Samples.Token();
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{token}");
        await grain.Create(owner, Samples.Cooperative());

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            grain.Update(owner, Samples.Cooperative() with { Name = "   ", ValueChains = [] }, expectedVersion: 1));

        Assert.Equal(["name", "valueChains"], error.Errors.Keys.Order(StringComparer.Ordinal));
        var read = await grain.Get(owner);
        Assert.Equal((1L, "Coopérative Jokko"), (read!.Meta.Version, read.Profile.Name));
        var listed = Assert.Single((await Directory().Search(owner, new DirectoryQuery { Text = token })).Items);
        Assert.Equal((1L, "Coopérative Jokko"), (listed.Version, listed.Name));
    }

    [Fact]
    public async Task Creating_the_same_slug_twice_is_refused()
    {
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{Samples.Token()}");
        await grain.Create(owner, Samples.Cooperative());

        var error = await Assert.ThrowsAsync<EntityExistsException>(() => grain.Create(owner, Samples.Cooperative() with { Name = "Doublon" }));

        Assert.Equal("already-exists", error.Code);
        var read = await grain.Get(owner);
        Assert.Equal((1L, "Coopérative Jokko"), (read!.Meta.Version, read.Profile.Name));
    }

    [Fact]
    public async Task A_slug_that_is_not_valid_is_refused()
    {
        var grain = client.GetGrain<ICooperativeGrain>("Pas Un Slug");
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.Create(owner, Samples.Cooperative()));
        Assert.Equal(["slug"], error.Errors.Keys);
    }

    [Fact]
    public async Task Updating_or_deleting_a_cooperative_that_does_not_exist_is_not_found()
    {
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{Samples.Token()}");
        await Assert.ThrowsAsync<EntityNotFoundException>(() => grain.Update(owner, Samples.Cooperative(), 0));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => grain.Delete(owner, 0));
    }

    [Fact]
    public async Task Delete_with_a_stale_version_is_a_conflict_and_keeps_the_cooperative()
    {
        var token = Samples.Token();
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{token}");
        await grain.Create(owner, Samples.Cooperative());
        await grain.Update(owner, Samples.Cooperative() with { MemberCount = 50 }, 1);

        await Assert.ThrowsAsync<VersionConflictException>(() => grain.Delete(owner, 1));

        Assert.Equal(2, (await grain.Get(owner))!.Meta.Version);
        Assert.Equal(1, (await Directory().Search(owner, new DirectoryQuery { Text = token })).Total);
    }

    [Fact]
    public async Task Delete_removes_the_cooperative_and_its_listing_and_a_new_one_with_the_same_slug_continues_the_versions()
    {
        var token = Samples.Token();
        var grain = client.GetGrain<ICooperativeGrain>($"coop-{token}");
        await grain.Create(owner, Samples.Cooperative());
        await grain.Update(owner, Samples.Cooperative() with { MemberCount = 50 }, 1);

        await grain.Delete(owner, 2);

        Assert.Null(await grain.Get(owner));
        Assert.Null(await grain.GetPartnerInfo());
        Assert.Equal(0, (await Directory().Search(owner, new DirectoryQuery { Text = token })).Total);
        var tombstone = await grain.CatchUp(owner, null);
        Assert.Equal(3, tombstone.Version);

        var recreated = await grain.Create(owner, Samples.Cooperative() with { Name = "Coopérative Jokko renaissante" });

        Assert.Equal(4, recreated.Meta.Version);
        var listed = Assert.Single((await Directory().Search(owner, new DirectoryQuery { Text = token })).Items);
        Assert.Equal((4L, "Coopérative Jokko renaissante"), (listed.Version, listed.Name));
    }

    [Fact]
    public async Task GetPartnerInfo_tells_a_project_the_name_and_region()
    {
        var slug = $"coop-{Samples.Token()}";
        var grain = client.GetGrain<ICooperativeGrain>(slug);
        await grain.Create(owner, Samples.Cooperative(name: "Coopérative d'Oujda", region: Region.Oriental));

        Assert.Equal(new PartnerInfo(EntityKind.Cooperative, slug, "Coopérative d'Oujda", Region.Oriental), await grain.GetPartnerInfo());
    }

    private IDirectoryGrain Directory() => client.GetGrain<IDirectoryGrain>(EntityKind.Cooperative.Plural());
}
