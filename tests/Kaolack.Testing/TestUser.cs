using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Testing;

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

    /// <summary>Registers a member account no other test uses and signs it in with a bearer token.</summary>
    public static async Task<TestUser> RegisterAsync(SiloHost host, string prefix, string password = Samples.Password)
    {
        ArgumentNullException.ThrowIfNull(host);
        var email = NewEmail(prefix);
        await host.RegisterAsync(email, password);
        return new TestUser(email, password, await host.SignInAsync(email, password));
    }

    /// <summary>The configured administrator of the host, signed in.</summary>
    public static async Task<TestUser> AdminAsync(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new TestUser(host.Options.AdminEmail, host.Options.AdminPassword, await host.SignInAsAdminAsync());
    }
}
