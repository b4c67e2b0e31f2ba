using System.Net;
using Kaolack.Api.Projects;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Projects;

namespace Kaolack.Api.Tests.Projects;

/// <summary>Owners invite by e-mail; the link's token says what it is to anyone, and only the invited account can use it, once.</summary>
[Collection(ApiCollection.Name)]
public sealed class InvitationTests(ApiFixture app)
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    [Fact]
    public async Task Owner_invites_then_anyone_with_the_link_reads_the_details_and_the_invited_account_accepts_and_can_edit()
    {
        var owner = await app.NewUserAsync("proprietaire");
        var invitee = await app.NewUserAsync("invitee");
        using var ownerHttp = owner.Client(app.Host);
        using var inviteeHttp = invitee.Client(app.Host);
        using var anonymous = app.Host.CreateClient();
        var slug = await ProjectTeam.CreateProject(ownerHttp, "invitation");
        var before = DateTimeOffset.UtcNow;

        var response = await ProjectTeam.Invite(ownerHttp, slug, invitee.Email, ProjectRole.Editor);
        var invitation = await response.Read<InvitationLink>(HttpStatusCode.Created);
        var after = DateTimeOffset.UtcNow;
        var details = await (await ProjectTeam.Details(anonymous, invitation.Token)).Read<InvitationDetails>();
        await (await inviteeHttp.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        var accepted = await (await ProjectTeam.Accept(inviteeHttp, invitation.Token)).Read<AcceptedInvitation>();
        var readResponse = await inviteeHttp.GetAsync($"/api/projects/{slug}");
        var read = await readResponse.Read<JointProject>();
        var edited = await (await inviteeHttp.Put($"/api/projects/{slug}", read.Charter with { Title = "Modifié par l'invitée" }, readResponse.ETagVersion()))
            .Read<JointProject>();

        Assert.Equal($"/api/invitations/{invitation.Token}", response.Headers.Location?.OriginalString);
        Assert.StartsWith($"{slug}.", invitation.Token, StringComparison.Ordinal);
        Assert.Equal($"{app.Host.BaseAddress.GetLeftPart(UriPartial.Authority)}/#/invitation/{invitation.Token}", invitation.Link);
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
        var owner = await app.NewUserAsync("proprietaire");
        var invitee = await app.NewUserAsync("invitee");
        var intruder = await app.NewUserAsync("intrus");
        using var ownerHttp = owner.Client(app.Host);
        using var inviteeHttp = invitee.Client(app.Host);
        using var intruderHttp = intruder.Client(app.Host);
        var slug = await ProjectTeam.CreateProject(ownerHttp, "mauvais-compte");
        var invitation = await ProjectTeam.InviteOk(ownerHttp, slug, invitee.Email, ProjectRole.Viewer);

        await (await ProjectTeam.Accept(intruderHttp, invitation.Token)).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await intruderHttp.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        var details = await (await ProjectTeam.Details(inviteeHttp, invitation.Token)).Read<InvitationDetails>();
        var accepted = await (await ProjectTeam.Accept(inviteeHttp, invitation.Token)).Read<AcceptedInvitation>();
        var project = await (await ownerHttp.GetAsync($"/api/projects/{slug}")).Read<JointProject>();

        Assert.Equal(invitee.Email, details.Email);
        Assert.Equal(new AcceptedInvitation(slug, ProjectRole.Viewer), accepted);
        Assert.DoesNotContain(project.Members, m => m.UserId == intruder.Email);
        Assert.Contains(project.Members, m => m.UserId == invitee.Email && m.Role == ProjectRole.Viewer);
    }

    [Fact]
    public async Task A_used_invitation_is_410_invitation_used_for_details_and_accept()
    {
        var owner = await app.NewUserAsync("proprietaire");
        var invitee = await app.NewUserAsync("invitee");
        using var ownerHttp = owner.Client(app.Host);
        using var inviteeHttp = invitee.Client(app.Host);
        using var anonymous = app.Host.CreateClient();
        var slug = await ProjectTeam.CreateProject(ownerHttp, "deja-utilisee");
        var invitation = await ProjectTeam.InviteOk(ownerHttp, slug, invitee.Email, ProjectRole.Editor);
        await (await ProjectTeam.Accept(inviteeHttp, invitation.Token)).Read<AcceptedInvitation>();
        var version = (await (await ownerHttp.GetAsync($"/api/projects/{slug}")).Read<JointProject>()).Meta.Version;

        await (await ProjectTeam.Details(anonymous, invitation.Token)).Problem(HttpStatusCode.Gone, "invitation-used");
        await (await ProjectTeam.Accept(inviteeHttp, invitation.Token)).Problem(HttpStatusCode.Gone, "invitation-used");
        var after = await (await ownerHttp.GetAsync($"/api/projects/{slug}")).Read<JointProject>();

        Assert.Equal(version, after.Meta.Version);
        Assert.Single(after.Members, m => m.UserId == invitee.Email);
    }
}
