using Xunit;

namespace Kaolack.Testing;

/// <summary>Azurite plus one running application host, shared by the tests of a class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private AzuriteServer? azurite;
    private SiloHost? host;

    public SiloHost Host => host ?? throw new InvalidOperationException("The host is not started.");

    public string StorageConnectionString => (azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        host = await SiloHost.StartAsync(new SiloHostOptions(azurite.ConnectionString));
    }

    public async Task DisposeAsync()
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
}
