namespace Kaolack.Api.Tests;

/// <summary>The account endpoints (/api/auth).</summary>
public static class AuthApi
{
    /// <summary>POST /api/auth/register; the account's display name is its e-mail's local part, so tests tell people apart by name.</summary>
    public static Task<HttpResponseMessage> Register(HttpClient http, string email, string password, UiLanguage language = UiLanguage.Fr) =>
        http.Post("/api/auth/register", Samples.Registration(email, password) with { DisplayName = email.Split('@')[0], Language = language });

    /// <summary>POST /api/auth/login: a bearer token in the body, or with <paramref name="useCookies"/> the session cookie.</summary>
    public static Task<HttpResponseMessage> Login(HttpClient http, string email, string password, bool useCookies = false) =>
        http.Post(useCookies ? "/api/auth/login?useCookies=true" : "/api/auth/login", new { email, password });

    /// <summary>Asserts a successful bearer login and returns its access token.</summary>
    public static async Task<string> ReadToken(HttpResponseMessage response)
    {
        var body = await response.Read<JsonElement>();
        return body.GetProperty("accessToken").GetString() ?? throw new InvalidOperationException("No access token.");
    }
}
