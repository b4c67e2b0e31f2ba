using Kaolack.Api.Admin;
using Kaolack.Contracts.Mail;

namespace Kaolack.Api.Tests.Accounts;

/// <summary>What admins do with accounts: open one for someone, find it, suspend it, hand over a reset link; the outbox.</summary>
public sealed class AdminAccountTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task An_account_an_admin_opens_gets_a_welcome_link_that_sets_its_password_and_signs_in_with_its_roles()
    {
        var email = TestUser.NewEmail("coordinatrice");
        using var anonymous = App.Host.CreateClient();

        var opened = await (await App.AdminClient.Post("/api/admin/users", new NewAccount
        {
            Email = email.ToUpperInvariant(), DisplayName = "Coordinatrice CECT", Organisation = "CECT Kaolack", Region = UserRegion.Kaolack,
            Language = UiLanguage.Fr, Roles = [Role.Coach, Role.Member],
        })).Read<IssuedAccount>(HttpStatusCode.Created);
        var welcome = await Outbox.WaitFor(App.Host, email, MailKind.Welcome);
        await (await AuthApi.Login(anonymous, email, "")).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        var set = await anonymous.Post("/api/auth/password-reset/confirm", new { token = Outbox.TokenOf(welcome.Link), newPassword = Samples.Password });
        using var signedIn = new TestUser(email, Samples.Password, await AuthApi.ReadToken(await AuthApi.Login(anonymous, email, Samples.Password))).Client(App.Host);
        var me = await (await signedIn.GetAsync("/api/auth/me")).Read<Account>();

        Assert.Equal((email, false), (opened.Account.Email, opened.Account.Verified));
        Assert.Equal(welcome.Link, opened.Link.Link);
        Assert.Contains("?bienvenue=1", welcome.Link, StringComparison.Ordinal);
        Assert.True(opened.Link.Mailed);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal([Role.Coach, Role.Member], me.Roles);
        Assert.Equal((true, "CECT Kaolack"), (me.Verified, me.Organisation));
        await (await App.AdminClient.Post("/api/admin/users", new NewAccount { Email = email, DisplayName = "Doublon" }))
            .Problem(HttpStatusCode.Conflict, "already-exists");
    }

    [Fact]
    public async Task The_accounts_list_is_searched_by_name_address_or_organisation()
    {
        var user = await App.NewUserAsync("recherchee");

        var byAddress = await (await App.AdminClient.GetAsync($"/api/admin/users?q={Uri.EscapeDataString(user.Email)}")).Read<AccountPage>();
        var none = await (await App.AdminClient.GetAsync($"/api/admin/users?q=personne-{Samples.Token()}")).Read<AccountPage>();
        var invalid = await (await App.AdminClient.GetAsync("/api/admin/users?pageSize=1000")).Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal([user.Email], byAddress.Items.Select(a => a.Email));
        Assert.Equal(0, none.Total);
        Assert.Equal(["pageSize"], invalid.ErrorFields());
    }

    [Fact]
    public async Task A_suspended_account_loses_its_sessions_and_cannot_sign_in_until_the_suspension_is_lifted()
    {
        var user = await App.NewUserAsync("suspendue");
        using var session = user.Client(App.Host);
        using var anonymous = App.Host.CreateClient();

        var suspended = await (await App.AdminClient.Put($"/api/admin/users/{user.Email}/suspension", new { suspended = true }, null)).Read<Account>();

        Assert.True(suspended.Suspended);
        await (await session.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await AuthApi.Login(anonymous, user.Email, user.Password)).Problem(HttpStatusCode.Forbidden, "account-suspended");
        await (await AuthApi.Login(anonymous, user.Email, "pas-le-bon-mot-de-passe")).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await App.AdminClient.Put($"/api/admin/users/{user.Email}/suspension", new { suspended = false }, null)).Read<Account>();
        await AuthApi.ReadToken(await AuthApi.Login(anonymous, user.Email, user.Password));
    }

    [Fact]
    public async Task An_admin_hands_over_a_reset_link_that_is_also_emailed_in_the_accounts_language()
    {
        var user = await App.NewUserAsync("lien-admin");

        var issued = await (await App.AdminClient.PostAsync($"/api/admin/users/{user.Email}/password-reset", null)).Read<IssuedLink>();
        var mail = await Outbox.WaitFor(App.Host, user.Email, MailKind.PasswordReset);
        var outbox = await (await App.AdminClient.GetAsync("/api/admin/outbox?limit=500")).Read<JsonElement>();

        Assert.Equal(mail.Link, issued.Link);
        Assert.Equal(UiLanguage.Fr, mail.Language);
        Assert.Contains(outbox.EnumerateArray(), m => m.GetProperty("link").GetString() == issued.Link && m.GetProperty("kind").GetString() == "password-reset");
        await (await App.AdminClient.PostAsync($"/api/admin/users/{TestUser.NewEmail("absente")}/password-reset", null)).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
