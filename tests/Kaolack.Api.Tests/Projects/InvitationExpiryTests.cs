using System.Net;
using Kaolack.Contracts.Accounts;
using Kaolack.Testing;

namespace Kaolack.Api.Tests.Projects;

/// <summary>An invitation expires after Kaolack:Invitations:Lifetime (1 s on this host instead of 7 days).</summary>
[Collection(ShortTimesCollection.Name)]
public sealed class InvitationExpiryTests(ShortTimesFixture app)
{
    [Fact]
    public async Task An_expired_invitation_is_410_invitation_expired_for_details_and_accept()
    {
        var owner = await app.NewUserAsync("proprietaire");
        var invitee = await app.NewUserAsync("invitee");
        using var ownerHttp = owner.Client(app.Host);
        using var inviteeHttp = invitee.Client(app.Host);
        using var anonymous = app.Host.CreateClient();
        var slug = await ProjectTeam.CreateProject(ownerHttp, "invitation-expiree");
        var before = DateTimeOffset.UtcNow;
        var invitation = await ProjectTeam.InviteOk(ownerHttp, slug, invitee.Email, ProjectRole.Editor);
        var after = DateTimeOffset.UtcNow;

        await Eventually.True(async () =>
        {
            using var response = await ProjectTeam.Details(anonymous, invitation.Token);
            return response.StatusCode != HttpStatusCode.OK;
        }, "the invitation to expire");

        Assert.InRange(invitation.ExpiresAt, before + ShortTimesFixture.InvitationLifetime, after + ShortTimesFixture.InvitationLifetime);
        Assert.True(DateTimeOffset.UtcNow >= invitation.ExpiresAt);
        await (await ProjectTeam.Details(anonymous, invitation.Token)).Problem(HttpStatusCode.Gone, "invitation-expired");
        await (await ProjectTeam.Accept(inviteeHttp, invitation.Token)).Problem(HttpStatusCode.Gone, "invitation-expired");
        await (await inviteeHttp.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
    }
}
