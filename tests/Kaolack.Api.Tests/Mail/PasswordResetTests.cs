namespace Kaolack.Api.Tests.Mail;

/// <summary>A forgotten password, by e-mail end to end: the link arrives over SMTP, works once, briefly, and ends every session.</summary>
public sealed class PasswordResetTests(MailFixture app) : MailTests(app)
{
    private const string NewPassword = "nouveau-mot-de-passe-2026";

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_the_old_one_stops_working_every_session_ends_and_the_link_works_once()
    {
        var user = await App.RegisterVerifiedAsync("oublieuse");
        using var phone = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        using var laptop = user.Client(App.Host);
        using var anonymous = App.Host.CreateClient();

        var asked = await anonymous.Post("/api/auth/password-reset", new { email = user.Email.ToUpperInvariant() });
        var mail = await App.Smtp.WaitFor(user.Email, "Choisir un nouveau mot de passe");
        var link = TestSmtpServer.LinkIn(mail);
        var token = Outbox.TokenOf(link);
        var reset = await anonymous.Post("/api/auth/password-reset/confirm", new { token, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.StartsWith($"{App.Host.BaseAddress}#/mot-de-passe/", link, StringComparison.Ordinal);
        Assert.Contains("heure de Dakar", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await (await phone.Http.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await laptop.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await AuthApi.Login(anonymous, user.Email, user.Password)).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        await AuthApi.ReadToken(await AuthApi.Login(anonymous, user.Email, NewPassword));
        await (await anonymous.Post("/api/auth/password-reset/confirm", new { token, newPassword = "encore-un-autre-mot-2026" }))
            .Problem(HttpStatusCode.Gone, "link-invalid");
        await AuthApi.ReadToken(await AuthApi.Login(anonymous, user.Email, NewPassword));
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_the_password_stays()
    {
        var user = await App.RegisterVerifiedAsync("en-retard");
        using var anonymous = App.Host.CreateClient();
        var askedAt = DateTimeOffset.UtcNow;
        (await anonymous.Post("/api/auth/password-reset", new { email = user.Email })).EnsureSuccessStatusCode();
        var token = Outbox.TokenOf(TestSmtpServer.LinkIn(await App.Smtp.WaitFor(user.Email, "Choisir un nouveau mot de passe")));

        await Eventually.True(() => DateTimeOffset.UtcNow > askedAt + MailFixture.ResetLinkLifetime + TimeSpan.FromMilliseconds(200),
            "the link's lifetime to pass", MailFixture.ResetLinkLifetime + TimeSpan.FromSeconds(5));
        var late = await anonymous.Post("/api/auth/password-reset/confirm", new { token, newPassword = NewPassword });

        await late.Problem(HttpStatusCode.Gone, "link-invalid");
        await AuthApi.ReadToken(await AuthApi.Login(anonymous, user.Email, user.Password));
    }

    [Fact]
    public async Task Asking_for_an_address_without_an_account_answers_the_same_and_sends_nothing()
    {
        var user = await App.RegisterVerifiedAsync("avec-compte");
        var nobody = TestUser.NewEmail("sans-compte");
        using var anonymous = App.Host.CreateClient();

        using var forNobody = await anonymous.Post("/api/auth/password-reset", new { email = nobody });
        using var forUser = await anonymous.Post("/api/auth/password-reset", new { email = user.Email });
        await App.Smtp.WaitFor(user.Email, "Choisir un nouveau mot de passe");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (forNobody.StatusCode, forUser.StatusCode));
        Assert.Equal(await forUser.Content.ReadAsStringAsync(), await forNobody.Content.ReadAsStringAsync());
        Assert.DoesNotContain(App.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == nobody));
    }
}
