using System.Diagnostics;
using Kaolack.Contracts.Plans;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;

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
    /// Makes <paramref name="slug"/>'s plan live on the process silo: its activation, if any, is ended, and the next one
    /// is asked for with Orleans' placement hint naming that silo (resource-optimised placement otherwise weighs both
    /// silos' load, which on a busy machine kept choosing this one); checked, bounded in time.
    /// </summary>
    public async Task PlacePlanOnProcess(string slug)
    {
        var management = Host.Grains.GetGrain<IManagementGrain>(0);
        var plan = Host.Grains.GetGrain<IPlanDocumentGrain>(slug);
        await Eventually.True(async () =>
        {
            if (ProcessAddress.Equals(await management.GetActivationAddress(plan)))
            {
                return true;
            }
            await management.DeactivateGrain(plan.GetGrainId());
            // A call that reaches an activation still deactivating is forwarded by placement on that silo, without the
            // hint: ask only once it is gone (or it came back somewhere, and the next round starts again).
            var gone = Stopwatch.StartNew();
            while (await management.GetActivationAddress(plan) is not null && gone.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Yield();
            }
            RequestContext.Set(IPlacementDirector.PlacementHintKey, ProcessAddress);
            try
            {
                await plan.GetSnapshot(Caller.System);
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
            return false;
        }, $"the plan {slug} to activate on the process silo", TimeSpan.FromSeconds(60));
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
