using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;

namespace Kaolack.Grains.Tests.Entities;

/// <summary>Every signed-in account reads an organisation; its members and admins change it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrganisationAccessTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;
    private readonly Caller member = Callers.Member("membre");

    private ICooperativeGrain Cooperative { get; } = fixture.Client.GetGrain<ICooperativeGrain>($"coop-{Samples.Token()}");

    [Fact]
    public async Task A_non_member_cannot_update_delete_or_add_members_and_nothing_changes()
    {
        await Cooperative.Create(member, Samples.Cooperative());
        var outsider = Callers.Member("exterieur");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.Update(outsider, Samples.Cooperative("Détournée"), 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.Delete(outsider, 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.AddMember(outsider, outsider.UserId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.RemoveMember(outsider, member.UserId));

        var read = await Cooperative.Get(outsider);
        Assert.Equal((1L, "Coopérative Jokko"), (read!.Meta.Version, read.Profile.Name));
        Assert.Equal([member.UserId], read.Members);
    }

    [Fact]
    public async Task A_member_can_update()
    {
        await Cooperative.Create(member, Samples.Cooperative());

        var updated = await Cooperative.Update(member, Samples.Cooperative() with { MemberCount = 55 }, 1);

        Assert.Equal((2L, 55), (updated.Meta.Version, updated.Profile.MemberCount));
    }

    [Fact]
    public async Task An_admin_who_is_not_a_member_can_update()
    {
        await Cooperative.Create(member, Samples.Cooperative());

        var updated = await Cooperative.Update(Callers.Admin(), Samples.Cooperative() with { MemberCount = 66 }, 1);

        Assert.Equal((2L, 66), (updated.Meta.Version, updated.Profile.MemberCount));
        Assert.Equal([member.UserId], updated.Members);
    }

    [Fact]
    public async Task Every_signed_in_account_reads_an_organisation_and_an_account_without_roles_does_not()
    {
        await Cooperative.Create(member, Samples.Cooperative());

        foreach (var reader in new[] { Callers.Member(), Callers.Partner(), Callers.Coach(), Callers.Admin() })
        {
            Assert.Equal(1, (await Cooperative.Get(reader))!.Meta.Version);
            Assert.Equal(1, (await Cooperative.CatchUp(reader, null)).Version);
        }
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.Get(Callers.With("sans-role")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.CatchUp(Callers.With("sans-role"), null));
    }

    [Fact]
    public async Task A_partner_cannot_create_an_organisation_or_edit_one_they_belong_to()
    {
        var partner = Callers.With("partenaire", Role.Partner, Role.Member);
        var group = client.GetGrain<IDiasporaGroupGrain>($"groupe-{Samples.Token()}");

        await Assert.ThrowsAsync<AccessDeniedException>(() => group.Create(partner, Samples.DiasporaGroup()));
        Assert.Null(await group.Get(member));

        await Cooperative.Create(member, Samples.Cooperative());
        await Register(partner.UserId);
        await Cooperative.AddMember(member, partner.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.Update(partner, Samples.Cooperative("Par un partenaire"), 2));
        Assert.Equal("Coopérative Jokko", (await Cooperative.Get(member))!.Profile.Name);
    }

    [Fact]
    public async Task A_member_adds_a_registered_account_which_may_then_edit()
    {
        await Cooperative.Create(member, Samples.Cooperative());
        var colleague = Callers.Member("collegue");
        await Register(colleague.UserId);

        var added = await Cooperative.AddMember(member, colleague.UserId.ToUpperInvariant());
        var updated = await Cooperative.Update(colleague, Samples.Cooperative() with { MemberCount = 70 }, 2);

        Assert.Equal([member.UserId, colleague.UserId], added.Members);
        Assert.Equal((3L, 70), (updated.Meta.Version, updated.Profile.MemberCount));
    }

    /// <summary>Issue 20: "add member" answered differently for addresses without an account, which told who has one.</summary>
    [Fact]
    public async Task Adding_an_address_answers_the_same_with_or_without_an_account_and_an_invalid_address_is_refused()
    {
        await Cooperative.Create(member, Samples.Cooperative());
        var ghost = Callers.NewId("fantome");
        var registered = Callers.NewId("inscrite");
        await Register(registered);

        var withoutAccount = await Cooperative.AddMember(member, ghost);
        var withAccount = await Cooperative.AddMember(member, registered);
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Cooperative.AddMember(member, "pas-une-adresse"));

        Assert.Equal([member.UserId, ghost], withoutAccount.Members);
        Assert.Equal([member.UserId, ghost, registered], withAccount.Members);
        Assert.Equal(["email"], error.Errors.Keys);
        Assert.Equal(3, (await Cooperative.Get(member))!.Meta.Version);
    }

    [Fact]
    public async Task A_member_who_leaves_can_no_longer_edit()
    {
        await Cooperative.Create(member, Samples.Cooperative());

        var left = await Cooperative.RemoveMember(member, member.UserId);

        Assert.Empty(left.Members);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.Update(member, Samples.Cooperative(), 2));
    }

    [Fact]
    public async Task An_organisation_the_platform_creates_has_no_members_and_only_admins_edit_it()
    {
        var created = await Cooperative.Create(Caller.System, Samples.Cooperative());

        Assert.Empty(created.Members);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperative.Update(member, Samples.Cooperative(), 1));
        Assert.Equal(2, (await Cooperative.Update(Callers.Admin(), Samples.Cooperative(), 1)).Meta.Version);
    }

    [Fact]
    public async Task Organisations_are_listed_to_every_signed_in_account()
    {
        var token = Samples.Token();
        await client.GetGrain<ICooperativeGrain>($"coop-{token}").Create(member, Samples.Cooperative());
        var directory = client.GetGrain<IDirectoryGrain>(EntityKind.Cooperative.Plural());

        Assert.Equal(1, (await directory.Search(Callers.Member("etranger"), new DirectoryQuery { Text = token })).Total);
        Assert.Equal(1, (await directory.Search(Callers.Partner(), new DirectoryQuery { Text = token })).Total);
    }

    private async Task Register(string email) =>
        await client.GetGrain<IUserGrain>(email).Register(Samples.Registration(email));
}
