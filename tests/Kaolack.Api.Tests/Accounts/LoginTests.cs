using Microsoft.Net.Http.Headers;

namespace Kaolack.Api.Tests.Accounts;

/// <summary>Signing in over HTTP: a bearer token for API clients, an HttpOnly cookie for browsers.</summary>
public sealed class LoginTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Bearer_login_answers_a_bearer_token_that_me_accepts()
    {
        var user = await App.NewUserAsync("bearer");
        using var anonymous = App.Host.CreateClient();

        var response = await AuthApi.Login(anonymous, user.Email, user.Password);
        var body = await response.Read<JsonElement>();
        using var signedIn = new TestUser(user.Email, user.Password, body.GetProperty("accessToken").GetString()!).Client(App.Host);
        var me = await (await signedIn.GetAsync("/api/auth/me")).Read<Account>();

        Assert.Equal(["accessToken", "expiresIn", "refreshToken", "tokenType"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(8 * 3600, body.GetProperty("expiresIn").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        Assert.False(response.Headers.Contains(HeaderNames.SetCookie));
        Assert.Equal(user.Email, me.Email);
        Assert.Equal([Role.Member], me.Roles);
    }

    [Fact]
    public async Task Cookie_login_sets_an_http_only_same_site_lax_session_cookie_that_me_accepts()
    {
        var user = await App.NewUserAsync("cookie");
        using var browser = Browser.Create(App.Host);

        var response = await AuthApi.Login(browser.Http, user.Email, user.Password, useCookies: true);
        var account = await response.Read<Account>();
        var cookie = Browser.SessionCookieSetBy(response);
        var me = await (await browser.Http.GetAsync("/api/auth/me")).Read<Account>();

        Assert.Equal(user.Email, account.Email);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.Value);
        Assert.False(string.IsNullOrEmpty(cookie.Value.Value));
        Assert.NotNull(browser.SessionCookie);
        Assert.Equal(user.Email, me.Email);
    }

    [Fact]
    public async Task Wrong_password_is_401_invalid_credentials_and_sets_no_session()
    {
        var user = await App.NewUserAsync("mauvais-mdp");
        using var browser = Browser.Create(App.Host);

        var response = await AuthApi.Login(browser.Http, user.Email, "pas-le-bon-mot-de-passe", useCookies: true);
        await response.Problem(HttpStatusCode.Unauthorized, "invalid-credentials");

        Assert.False(response.Headers.Contains(HeaderNames.SetCookie));
        Assert.Null(browser.SessionCookie);
        await (await browser.Http.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Unknown_account_gets_the_same_401_invalid_credentials_as_a_wrong_password()
    {
        var user = await App.NewUserAsync("existe");
        using var anonymous = App.Host.CreateClient();

        var unknown = await (await AuthApi.Login(anonymous, TestUser.NewEmail("inconnu"), Samples.Password))
            .Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        var wrong = await (await AuthApi.Login(anonymous, user.Email, "pas-le-bon-mot-de-passe"))
            .Problem(HttpStatusCode.Unauthorized, "invalid-credentials");

        Assert.Equal(Describe(wrong), Describe(unknown));
    }

    [Fact]
    public async Task Me_without_a_session_is_401_unauthenticated()
    {
        using var anonymous = App.Host.CreateClient();

        await (await anonymous.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    /// <summary>What a client can tell from a problem, without its per-request trace id.</summary>
    private static string Describe(JsonElement problem) => string.Join('|',
        problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
}
