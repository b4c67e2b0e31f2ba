using Xunit;

namespace Kaolack.Testing;

/// <summary>One Azurite per test class (xunit IClassFixture) or collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? server;

    public string ConnectionString => (server ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async Task InitializeAsync() => server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
