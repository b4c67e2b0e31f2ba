using System.Text.Json;
using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Tests;

/// <summary>The account endpoints (/api/auth).</summary>
public static class AuthApi
{
    public static Registration Registration(string email, string password) => new()
    {
        Email = email,
        Password = password,
        DisplayName = email.Split('@')[0],
        Organisation = "",
        Region = UserRegion.Kaolack,
        Language = UiLanguage.Fr,
    };

    public static Task<HttpResponseMessage> Register(HttpClient http, string email, string password) =>
        http.Post("/api/auth/register", Registration(email, password));

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
