namespace Kaolack.Api.Tests.Accounts;

public sealed class LogoutTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Logout_clears_the_session_cookie_and_me_is_401_afterwards()
    {
        var user = await App.NewUserAsync("deconnexion");
        using var browser = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        var before = await (await browser.Http.GetAsync("/api/auth/me")).Read<Account>();

        var response = await browser.Http.PostAsync("/api/auth/logout", null);
        var cleared = Browser.SessionCookieSetBy(response);

        Assert.Equal(user.Email, before.Email);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("", cleared.Value.Value);
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow, $"The cookie should be expired, not {cleared.Expires}.");
        Assert.Null(browser.SessionCookie);
        await (await browser.Http.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    /// <summary>Issue 20: logging out only cleared the browser's cookie; a copy of it, replayed, still worked.</summary>
    [Fact]
    public async Task A_copy_of_the_cookie_replayed_after_logout_is_refused_and_the_accounts_other_session_goes_on()
    {
        var user = await App.NewUserAsync("rejeu");
        using var phone = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        using var laptop = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        var copied = phone.SessionCookie!.Value;

        Assert.Equal(HttpStatusCode.NoContent, (await phone.Http.PostAsync("/api/auth/logout", null)).StatusCode);

        using var replay = App.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", $"{Browser.SessionCookieName}={copied}");
        await (await replay.SendAsync(request)).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(user.Email, (await (await laptop.Http.GetAsync("/api/auth/me")).Read<Account>()).Email);
    }

    [Fact]
    public async Task Logging_out_a_bearer_session_ends_that_token()
    {
        var user = await App.NewUserAsync("jeton");
        using var signedIn = user.Client(App.Host);

        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.PostAsync("/api/auth/logout", null)).StatusCode);

        await (await signedIn.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_and_a_new_sign_in_works()
    {
        var user = await App.NewUserAsync("partout");
        using var phone = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        using var laptop = user.Client(App.Host);

        var response = await phone.Http.PostAsync("/api/auth/logout-everywhere", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await phone.Http.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await laptop.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        using var again = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        Assert.Equal(user.Email, (await (await again.Http.GetAsync("/api/auth/me")).Read<Account>()).Email);
    }
}
