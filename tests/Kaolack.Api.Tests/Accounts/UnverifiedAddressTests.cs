using Kaolack.Api.Projects;
using Kaolack.Api.Tests.Projects;
using Kaolack.Contracts.Mail;

namespace Kaolack.Api.Tests.Accounts;

/// <summary>
/// Issue 20: whoever registered an address first inherited what had been given to it (an invitation, a seat in an
/// organisation or as a workshop's coach). An account now signs in only once its address is verified, so the rights
/// given to an address reach only whoever reads its mail.
/// </summary>
public sealed class UnverifiedAddressTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Registering_an_invited_address_first_gives_no_session_and_so_no_invitation_the_owner_of_the_mailbox_gets_it()
    {
        using var owner = await App.SignInNewUserAsync("proprietaire");
        using var anonymous = App.Host.CreateClient();
        var invited = TestUser.NewEmail("invitee");
        var slug = await ProjectTeam.CreateProject(owner.Http, "adresse-non-verifiee");
        var invitation = await ProjectTeam.InviteOk(owner.Http, slug, invited, ProjectRole.Editor);
        await (await owner.Http.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative($"Coopérative {slug}"))).Read<JsonElement>(HttpStatusCode.Created);
        await (await owner.Http.Post($"/api/cooperatives/{slug}/members", new { email = invited })).Read<JsonElement>();

        // The squatter registers the invited address: the registration is accepted, but it never yields a session.
        await (await AuthApi.Register(anonymous, invited, "mot-de-passe-du-squatteur")).Read<JsonElement>(HttpStatusCode.Accepted);
        await (await AuthApi.Login(anonymous, invited, "mot-de-passe-du-squatteur")).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await ProjectTeam.Accept(anonymous, invitation.Token)).Problem(HttpStatusCode.Unauthorized, "unauthenticated");

        // The owner of the mailbox registers too (replacing the unverified registration), follows the e-mailed link, and joins.
        await App.Host.RegisterAsync(invited, Samples.Password);
        using var invitee = new SignedInUser(new TestUser(invited, Samples.Password, await App.Host.SignInAsync(invited, Samples.Password)), App.Host);
        var accepted = await (await ProjectTeam.Accept(invitee.Http, invitation.Token)).Read<AcceptedInvitation>();
        var cooperative = await (await invitee.Http.GetAsync($"/api/cooperatives/{slug}")).Read<JsonElement>();
        var edited = await invitee.Http.Put($"/api/cooperatives/{slug}", Samples.Cooperative("Renommée par la titulaire"), 2);

        Assert.Equal(new AcceptedInvitation(slug, ProjectRole.Editor), accepted);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains(invited, cooperative.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        await (await AuthApi.Login(anonymous, invited, "mot-de-passe-du-squatteur")).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(invitation.Link, (await Outbox.WaitFor(App.Host, invited, MailKind.Invitation)).Link);
    }
}
