using Kaolack.Api.Projects;

namespace Kaolack.Api.Tests.Projects;

/// <summary>Owners invite by e-mail; the link's token says what it is to anyone, and only the invited account can use it, once.</summary>
public sealed class InvitationTests(ApiFixture app) : ApiTests(app)
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    [Fact]
    public async Task Owner_invites_then_anyone_with_the_link_reads_the_details_and_the_invited_account_accepts_and_can_edit()
    {
        using var owner = await App.SignInNewUserAsync("proprietaire");
        using var invitee = await App.SignInNewUserAsync("invitee");
        using var anonymous = App.Host.CreateClient();
        var slug = await ProjectTeam.CreateProject(owner.Http, "invitation");
        var before = DateTimeOffset.UtcNow;

        var response = await ProjectTeam.Invite(owner.Http, slug, invitee.Email, ProjectRole.Editor);
        var invitation = await response.Read<InvitationLink>(HttpStatusCode.Created);
        var after = DateTimeOffset.UtcNow;
        var details = await (await ProjectTeam.Details(anonymous, invitation.Token)).Read<InvitationDetails>();
        await (await invitee.Http.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        var accepted = await (await ProjectTeam.Accept(invitee.Http, invitation.Token)).Read<AcceptedInvitation>();
        var readResponse = await invitee.Http.GetAsync($"/api/projects/{slug}");
        var read = await readResponse.Read<JointProject>();
        var edited = await (await invitee.Http.Put($"/api/projects/{slug}", read.Charter with { Title = "Modifié par l'invitée" }, readResponse.ETagVersion()))
            .Read<JointProject>();

        Assert.Equal($"/api/invitations/{invitation.Token}", response.Headers.Location?.OriginalString);
        Assert.StartsWith($"{slug}.", invitation.Token, StringComparison.Ordinal);
        Assert.Equal($"{App.Host.BaseAddress.GetLeftPart(UriPartial.Authority)}/#/invitation/{invitation.Token}", invitation.Link);
        Assert.Equal((invitee.Email, ProjectRole.Editor), (invitation.Email, invitation.Role));
        Assert.InRange(invitation.ExpiresAt, before + DefaultLifetime, after + DefaultLifetime);
        Assert.Equal(new InvitationDetails(slug, "Projet invitation", invitee.Email, ProjectRole.Editor, invitation.ExpiresAt), details);
        Assert.Equal(new AcceptedInvitation(slug, ProjectRole.Editor), accepted);
        Assert.Equal("Modifié par l'invitée", edited.Charter.Title);
        Assert.Equal(read.Meta.Version + 1, edited.Meta.Version);
        Assert.Equal(
            [(owner.Email, ProjectRole.Owner), (invitee.Email, ProjectRole.Editor)],
            edited.Members.Select(m => (m.UserId, m.Role)).OrderBy(m => m.Role));
    }

    [Fact]
    public async Task Accepting_with_another_account_is_403_and_the_invitation_stays_usable_by_the_invited_account()
    {
        using var owner = await App.SignInNewUserAsync("proprietaire");
        using var invitee = await App.SignInNewUserAsync("invitee");
        using var intruder = await App.SignInNewUserAsync("intrus");
        var slug = await ProjectTeam.CreateProject(owner.Http, "mauvais-compte");
        var invitation = await ProjectTeam.InviteOk(owner.Http, slug, invitee.Email, ProjectRole.Viewer);

        await (await ProjectTeam.Accept(intruder.Http, invitation.Token)).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await intruder.Http.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        var details = await (await ProjectTeam.Details(invitee.Http, invitation.Token)).Read<InvitationDetails>();
        var accepted = await (await ProjectTeam.Accept(invitee.Http, invitation.Token)).Read<AcceptedInvitation>();
        var project = await (await owner.Http.GetAsync($"/api/projects/{slug}")).Read<JointProject>();

        Assert.Equal(invitee.Email, details.Email);
        Assert.Equal(new AcceptedInvitation(slug, ProjectRole.Viewer), accepted);
        Assert.DoesNotContain(project.Members, m => m.UserId == intruder.Email);
        Assert.Contains(project.Members, m => m.UserId == invitee.Email && m.Role == ProjectRole.Viewer);
    }

    [Fact]
    public async Task A_used_invitation_is_410_invitation_used_for_details_and_accept()
    {
        using var owner = await App.SignInNewUserAsync("proprietaire");
        using var invitee = await App.SignInNewUserAsync("invitee");
        using var anonymous = App.Host.CreateClient();
        var slug = await ProjectTeam.CreateProject(owner.Http, "deja-utilisee");
        var invitation = await ProjectTeam.InviteOk(owner.Http, slug, invitee.Email, ProjectRole.Editor);
        await (await ProjectTeam.Accept(invitee.Http, invitation.Token)).Read<AcceptedInvitation>();
        var version = (await (await owner.Http.GetAsync($"/api/projects/{slug}")).Read<JointProject>()).Meta.Version;

        await (await ProjectTeam.Details(anonymous, invitation.Token)).Problem(HttpStatusCode.Gone, "invitation-used");
        await (await ProjectTeam.Accept(invitee.Http, invitation.Token)).Problem(HttpStatusCode.Gone, "invitation-used");
        var after = await (await owner.Http.GetAsync($"/api/projects/{slug}")).Read<JointProject>();

        Assert.Equal(version, after.Meta.Version);
        Assert.Single(after.Members, m => m.UserId == invitee.Email);
    }
}
