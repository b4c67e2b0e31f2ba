namespace Kaolack.Api.Tests;

/// <summary>Its own Azurite and one running app started with <see cref="Settings"/>; the base of the fixtures here.</summary>
public abstract class HostFixture : IAsyncLifetime
{
    private AzuriteServer? azurite;
    private SiloHost? host;

    public SiloHost Host => host ?? throw new InvalidOperationException("The host is not started.");

    protected virtual IReadOnlyDictionary<string, string?> Settings => HostSettings.Unthrottled;

    /// <summary>Changes the app's builder after the settings (logging providers, services), or nothing.</summary>
    protected virtual Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? ConfigureBuilder => null;

    public virtual async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        host = await SiloHost.StartAsync(new SiloHostOptions(azurite.ConnectionString) { Settings = Settings, ConfigureBuilder = ConfigureBuilder });
    }

    public virtual async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Registers a member account no other test uses and signs it in.</summary>
    public Task<TestUser> NewUserAsync(string prefix) => TestUser.RegisterAsync(Host, prefix);

    /// <summary>A member account no other test uses, signed in, with its client.</summary>
    public async Task<SignedInUser> SignInNewUserAsync(string prefix) => new(await NewUserAsync(prefix), Host);
}
