using Kaolack.Api.Auth;
using Kaolack.Contracts.Mail;

namespace Kaolack.Api.Tests.Accounts;

/// <summary>Registering: the address is proven by an e-mailed link before the account can sign in.</summary>
public sealed class RegistrationTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task A_new_account_cannot_sign_in_until_the_emailed_link_and_its_password_verify_the_address_and_the_link_works_once()
    {
        using var anonymous = App.Host.CreateClient();
        var email = TestUser.NewEmail("nouvelle");

        var answer = await (await AuthApi.Register(anonymous, email, Samples.Password)).Read<RegistrationAccepted>(HttpStatusCode.Accepted);
        await (await AuthApi.Login(anonymous, email, Samples.Password)).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        var mail = await Outbox.WaitFor(App.Host, email, MailKind.Verification);
        var token = Outbox.TokenOf(mail.Link);
        var wrongPassword = await (await anonymous.Post("/api/auth/verify", new { token, password = "pas-le-bon-mot-de-passe" }))
            .Problem(HttpStatusCode.BadRequest, "validation-failed");
        using var browser = Browser.Create(App.Host);
        var verified = await (await browser.Http.Post("/api/auth/verify?useCookies=true", new { token, password = Samples.Password })).Read<Account>();
        var me = await (await browser.Http.GetAsync("/api/auth/me")).Read<Account>();
        var reused = await (await anonymous.Post("/api/auth/verify", new { token, password = Samples.Password })).Problem(HttpStatusCode.Gone, "link-invalid");

        Assert.Equal(new RegistrationAccepted(email), answer);
        Assert.Equal(UiLanguage.Fr, mail.Language);
        Assert.StartsWith($"{App.Host.BaseAddress}#/verification/", mail.Link, StringComparison.Ordinal);
        Assert.Contains(mail.Link, mail.Text, StringComparison.Ordinal);
        Assert.Equal(["password"], wrongPassword.ErrorFields());
        Assert.Equal((email, true), (verified.Email, verified.Verified));
        Assert.Equal(email, me.Email);
        Assert.NotNull(browser.SessionCookie);
        Assert.False(string.IsNullOrEmpty(reused.GetProperty("title").GetString()));
        await AuthApi.ReadToken(await AuthApi.Login(anonymous, email, Samples.Password));
    }

    [Fact]
    public async Task The_link_leads_back_to_the_page_asked_for_and_never_to_another_site()
    {
        using var anonymous = App.Host.CreateClient();
        var invited = TestUser.NewEmail("retour");
        var elsewhere = TestUser.NewEmail("ailleurs");

        await (await anonymous.Post($"/api/auth/register?returnTo={Uri.EscapeDataString("/invitation/projet.secret")}",
            Samples.Registration(invited) with { Language = UiLanguage.En })).Read<RegistrationAccepted>(HttpStatusCode.Accepted);
        await (await anonymous.Post($"/api/auth/register?returnTo={Uri.EscapeDataString("//evil.example/x")}", Samples.Registration(elsewhere)))
            .Read<RegistrationAccepted>(HttpStatusCode.Accepted);

        var english = await Outbox.WaitFor(App.Host, invited, MailKind.Verification);
        var dropped = await Outbox.WaitFor(App.Host, elsewhere, MailKind.Verification);
        Assert.EndsWith("?retour=%2Finvitation%2Fprojet.secret", english.Link, StringComparison.Ordinal);
        Assert.Equal(UiLanguage.En, english.Language);
        Assert.StartsWith("Hello ", english.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("retour", dropped.Link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", dropped.Text, StringComparison.Ordinal);
    }

    /// <summary>Issue 20: registering a taken address answered 409, so anyone could tell who has an account.</summary>
    [Fact]
    public async Task Registering_a_taken_address_answers_exactly_as_a_new_one_tells_its_owner_by_email_and_changes_nothing()
    {
        var owner = await App.NewUserAsync("titulaire");
        using var stranger = App.Host.CreateClient();
        var fresh = TestUser.NewEmail("inconnue");

        using var takenResponse = await AuthApi.Register(stranger, owner.Email, "mot-de-passe-de-l-intrus");
        using var freshResponse = await AuthApi.Register(stranger, fresh, "mot-de-passe-de-l-intrus");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (takenResponse.StatusCode, freshResponse.StatusCode));
        Assert.Equal(
            (await freshResponse.Content.ReadAsStringAsync()).Replace(fresh, "ADRESSE", StringComparison.Ordinal),
            (await takenResponse.Content.ReadAsStringAsync()).Replace(owner.Email, "ADRESSE", StringComparison.Ordinal));
        var told = await Outbox.WaitFor(App.Host, owner.Email, MailKind.AlreadyRegistered);
        Assert.Contains("/#/mot-de-passe-oublie?courriel=", told.Text, StringComparison.Ordinal);
        await AuthApi.ReadToken(await AuthApi.Login(stranger, owner.Email, owner.Password));
        await (await AuthApi.Login(stranger, owner.Email, "mot-de-passe-de-l-intrus")).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        using var ownerClient = owner.Client(App.Host);
        Assert.Equal(owner.Email, (await (await ownerClient.GetAsync("/api/auth/me")).Read<Account>()).Email);
    }
}
