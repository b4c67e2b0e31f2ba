using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests;

/// <summary>A test's account, signed in: who it is, and the HTTP client that sends its token (disposed with it).</summary>
public sealed class SignedInUser : IDisposable
{
    private readonly SiloHost host;

    public SignedInUser(TestUser account, SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(account);
        Account = account;
        this.host = host;
        Http = account.Client(host);
    }

    public TestUser Account { get; }

    public string Email => Account.Email;

    public HttpClient Http { get; }

    /// <summary>A hub connection (not started) authenticated as this account.</summary>
    public HubConnection Hub() => Account.Hub(host);

    public void Dispose() => Http.Dispose();
}
