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
}
