using Kaolack.Api.Projects;
using Kaolack.Api.Tests.Projects;

namespace Kaolack.Api.Tests.Mail;

/// <summary>Invitations go out by e-mail, in the recipient's language, with links built from the configured public address.</summary>
public sealed class InvitationMailTests(MailFixture app) : MailTests(app)
{
    [Fact]
    public async Task An_invitation_is_emailed_in_the_invited_accounts_language_and_for_a_new_address_in_the_inviters()
    {
        var owner = await App.RegisterVerifiedAsync("inviteuse");
        var english = await App.RegisterVerifiedAsync("anglophone", UiLanguage.En);
        var newcomer = TestUser.NewEmail("nouvelle-adresse");
        using var ownerHttp = owner.Client(App.Host);
        var slug = await ProjectTeam.CreateProject(ownerHttp, "courriel");

        var toEnglish = await ProjectTeam.InviteOk(ownerHttp, slug, english.Email, ProjectRole.Editor);
        var toNewcomer = await ProjectTeam.InviteOk(ownerHttp, slug, newcomer, ProjectRole.Viewer);
        var englishMail = await App.Smtp.WaitFor(english.Email, "invites you to the project");
        var frenchMail = await App.Smtp.WaitFor(newcomer, "vous invite au projet");

        Assert.Equal(toEnglish.Link, TestSmtpServer.LinkIn(englishMail));
        Assert.Equal(toNewcomer.Link, TestSmtpServer.LinkIn(frenchMail));
        Assert.Contains("as an editor", englishMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dakar time", englishMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("en tant que lecteur·rice", frenchMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("« Projet courriel »", frenchMail.Subject, StringComparison.Ordinal);
    }

    /// <summary>Issue 20: the request's Host header was copied into invitation links, so a forged one sent people elsewhere.</summary>
    [Fact]
    public async Task A_forged_host_header_never_reaches_the_link()
    {
        var owner = await App.RegisterVerifiedAsync("hote");
        using var ownerHttp = owner.Client(App.Host);
        var slug = await ProjectTeam.CreateProject(ownerHttp, "hote-force");
        var invited = TestUser.NewEmail("cible-hote");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{slug}/invitations")
        {
            Content = Api.Json(new { email = invited, role = ProjectRole.Viewer }),
        };
        request.Headers.Host = "evil.example";
        var invitation = await (await ownerHttp.SendAsync(request)).Read<InvitationLink>(HttpStatusCode.Created);
        var mail = await App.Smtp.WaitFor(invited, "vous invite au projet");

        Assert.StartsWith($"{App.Host.BaseAddress}#/invitation/", invitation.Link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(invitation.Link, TestSmtpServer.LinkIn(mail));
    }
}
