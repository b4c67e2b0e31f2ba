namespace Kaolack.Api.Tests.Projects;

/// <summary>An invitation expires after Kaolack:Invitations:Lifetime (1 s on this host instead of 7 days).</summary>
public sealed class InvitationExpiryTests(ShortTimesFixture app) : ShortTimesTests(app)
{
    [Fact]
    public async Task An_expired_invitation_is_410_invitation_expired_for_details_and_accept()
    {
        using var owner = await App.SignInNewUserAsync("proprietaire");
        using var invitee = await App.SignInNewUserAsync("invitee");
        using var anonymous = App.Host.CreateClient();
        var slug = await ProjectTeam.CreateProject(owner.Http, "invitation-expiree");
        var before = DateTimeOffset.UtcNow;
        var invitation = await ProjectTeam.InviteOk(owner.Http, slug, invitee.Email, ProjectRole.Editor);
        var after = DateTimeOffset.UtcNow;

        await Eventually.True(async () =>
        {
            using var response = await ProjectTeam.Details(anonymous, invitation.Token);
            return response.StatusCode != HttpStatusCode.OK;
        }, "the invitation to expire");

        Assert.InRange(invitation.ExpiresAt, before + ShortTimesFixture.InvitationLifetime, after + ShortTimesFixture.InvitationLifetime);
        Assert.True(DateTimeOffset.UtcNow >= invitation.ExpiresAt);
        await (await ProjectTeam.Details(anonymous, invitation.Token)).Problem(HttpStatusCode.Gone, "invitation-expired");
        await (await ProjectTeam.Accept(invitee.Http, invitation.Token)).Problem(HttpStatusCode.Gone, "invitation-expired");
        await (await invitee.Http.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
    }
}
