using Kaolack.Contracts.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Tests.Cluster;

/// <summary>
/// A cluster of two silos: one in the test process (it survives, and the test reads its Orleans runtime) and one as its
/// own OS process (what the test kills or freezes). A plan is made to live on the process silo, so that clients of the
/// in-process one reach it across the cluster.
/// </summary>
public sealed class MixedCluster : IAsyncDisposable
{
    private MixedCluster(SiloHost host, SiloProcess process)
    {
        Host = host;
        Process = process;
    }

    public SiloHost Host { get; }

    public SiloProcess Process { get; }

    public SiloAddress ProcessAddress => Members().Single(address => !address.Equals(HostAddress));

    private SiloAddress HostAddress => Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<MixedCluster> StartAsync(SiloHostOptions options)
    {
        var host = await SiloHost.StartAsync(options);
        try
        {
            var process = await SiloProcess.StartAsync("process", options);
            var cluster = new MixedCluster(host, process);
            await Eventually.True(() => cluster.Members().Count == 2, "both silos to be active in the cluster", TimeSpan.FromSeconds(60));
            return cluster;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="slug"/>'s plan (and its project) live on the process silo: read through that silo; if placement
    /// (resource-optimised: it weighs both silos' CPU and memory, which change with the machine's load) puts it here
    /// anyway, it is deactivated and read there again, until it lands there (bounded in time).
    /// </summary>
    public async Task PlacePlanOnProcess(string slug, string token)
    {
        var management = Host.Grains.GetGrain<IManagementGrain>(0);
        var plan = Host.Grains.GetGrain<IPlanDocumentGrain>(slug);
        using var http = Process.Client(token);
        await Eventually.True(async () =>
        {
            using (var read = await http.GetAsync($"/api/projects/{slug}/plan"))
            {
                read.EnsureSuccessStatusCode();
            }
            if (ProcessAddress.Equals(await management.GetActivationAddress(plan)))
            {
                return true;
            }
            await management.DeactivateGrain(plan.GetGrainId());
            return false;
        }, $"the plan {slug} to activate on the process silo", TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Host.DisposeAsync();
    }

    private List<SiloAddress> Members() =>
        [.. Host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active).Select(member => member.SiloAddress)];
}
