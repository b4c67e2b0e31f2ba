using Kaolack.Api.Projects;

namespace Kaolack.Api.Tests.Projects;

/// <summary>A project's team by name, its pending invitations for the owners, and withdrawing one.</summary>
public sealed class TeamTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Readers_see_members_by_name_and_organisation_owners_also_see_pending_invitations()
    {
        using var owner = await App.SignInNewUserAsync("chef");
        using var viewer = await App.SignInNewUserAsync("lectrice");
        var slug = await ProjectTeam.CreateProject(owner.Http, "equipe");
        await ProjectTeam.Join(owner.Http, slug, viewer, ProjectRole.Viewer);
        var pending = TestUser.NewEmail("attendue");
        await ProjectTeam.InviteOk(owner.Http, slug, pending, ProjectRole.Editor);

        var asOwner = await (await owner.Http.GetAsync($"/api/projects/{slug}/team")).Read<TeamView>();
        var asViewer = await (await viewer.Http.GetAsync($"/api/projects/{slug}/team")).Read<TeamView>();

        Assert.Equal(
            [(owner.Email, owner.Email.Split('@')[0], ProjectRole.Owner, UserRegion.Kaolack), (viewer.Email, viewer.Email.Split('@')[0], ProjectRole.Viewer, UserRegion.Kaolack)],
            asOwner.Members.Select(m => (m.Email, m.DisplayName, m.Role, m.Region!.Value)));
        var invitation = Assert.Single(asOwner.Invitations);
        Assert.Equal((pending, ProjectRole.Editor), (invitation.Email, invitation.Role));
        Assert.Equal(asOwner.Members, asViewer.Members);
        Assert.Empty(asViewer.Invitations);
    }

    [Fact]
    public async Task A_revoked_invitation_leaves_the_pending_list_its_link_stops_working_and_only_owners_revoke()
    {
        using var owner = await App.SignInNewUserAsync("chef");
        using var editor = await App.SignInNewUserAsync("editrice");
        var slug = await ProjectTeam.CreateProject(owner.Http, "retrait");
        await ProjectTeam.Join(owner.Http, slug, editor, ProjectRole.Editor);
        var invitation = await ProjectTeam.InviteOk(owner.Http, slug, TestUser.NewEmail("retiree"), ProjectRole.Viewer);
        var id = Assert.Single((await (await owner.Http.GetAsync($"/api/projects/{slug}/team")).Read<TeamView>()).Invitations).Id;

        await (await editor.Http.DeleteAsync($"/api/projects/{slug}/invitations/{id}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        var revoked = await (await owner.Http.DeleteAsync($"/api/projects/{slug}/invitations/{id}")).Read<JointProject>();

        Assert.Equal("invitation-revoked", revoked.Activity[^1].Kind);
        Assert.Empty((await (await owner.Http.GetAsync($"/api/projects/{slug}/team")).Read<TeamView>()).Invitations);
        await (await ProjectTeam.Details(owner.Http, invitation.Token)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await owner.Http.DeleteAsync($"/api/projects/{slug}/invitations/{id}")).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
