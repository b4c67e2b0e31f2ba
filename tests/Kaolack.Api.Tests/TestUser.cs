using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests;

/// <summary>A registered account and the bearer token it signed in with.</summary>
public sealed record TestUser(string Email, string Password, string Token)
{
    /// <summary>A client that sends this user's bearer token (the caller disposes it).</summary>
    public HttpClient Client(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>A hub connection (not started) authenticated as this user.</summary>
    public HubConnection Hub(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.CreateHubConnection(Token);
    }

    /// <summary>An e-mail no other test uses.</summary>
    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)] + "@tests.example.org";

    /// <summary>Registers a member account through the API and signs it in with a bearer token.</summary>
    public static async Task<TestUser> RegisterAsync(SiloHost host, string prefix, string password = Samples.Password)
    {
        ArgumentNullException.ThrowIfNull(host);
        var email = NewEmail(prefix);
        using var http = host.CreateClient();
        await (await AuthApi.Register(http, email, password)).Read<Account>(HttpStatusCode.Created);
        var token = await AuthApi.ReadToken(await AuthApi.Login(http, email, password));
        return new TestUser(email, password, token);
    }

    /// <summary>The configured administrator of the host, signed in.</summary>
    public static async Task<TestUser> AdminAsync(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new TestUser(host.Options.AdminEmail, host.Options.AdminPassword, await host.SignInAsAdminAsync());
    }
}

/// <summary>The account endpoints (/api/auth).</summary>
public static class AuthApi
{
    /// <summary>POST /api/auth/register; the account's display name is its e-mail's local part, so tests tell people apart by name.</summary>
    public static Task<HttpResponseMessage> Register(HttpClient http, string email, string password) =>
        http.Post("/api/auth/register", Samples.Registration(email, password) with { DisplayName = email.Split('@')[0] });

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
