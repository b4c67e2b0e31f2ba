using Kaolack.Testing;

namespace Kaolack.Client.Tests;

/// <summary>A silo of its own on the shared Azurite and a team of accounts with a plan, for PlanClient tests.</summary>
public abstract class LivePlanTests(AzuriteFixture azurite, string clusterName) : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private SiloHost? host;
    private PlanTeam? team;

    protected SiloHost Host => host ?? throw new InvalidOperationException("not started");

    protected PlanTeam Team => team ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        host = await SiloHost.StartAsync(LiveCollection.NewCluster(azurite, clusterName));
        team = await PlanTeam.CreateAsync(host);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
