using Kaolack.Grains.Accounts;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Plans;
using Kaolack.Grains.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Kaolack.Grains.Tests;

/// <summary>
/// One real Azurite and one in-process Orleans cluster (two silos) whose grain storage is that Azurite,
/// configured by the same <see cref="GrainSetup.AddKaolackGrains"/> as the application.
/// Shared by every grain test class through <see cref="ClusterCollection"/>.
/// Accounts lock for <see cref="LockoutDuration"/> instead of 15 minutes, so a test can see a lock end;
/// presence entries expire after <see cref="PresenceTtl"/>; plan log segments roll every <see cref="PlanSegmentBlocks"/> blocks;
/// a workshop admits <see cref="GuestAdmissionBurst"/> guests and then one an hour, so a test sees exactly where its pace bites.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>
    /// Long enough for the calls right after locking to find the account still locked, short enough
    /// to wait for the lock to end.
    /// </summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Presence entries go this long after their last update instead of 15 seconds: short enough to wait for,
    /// long enough that a loaded machine never expires an entry while a test still reads it.
    /// </summary>
    public static readonly TimeSpan PresenceTtl = TimeSpan.FromSeconds(8);

    /// <summary>Plan log segments hold this many blocks instead of 45,000, so the plan tests cross segments.</summary>
    public const int PlanSegmentBlocks = 20;

    /// <summary>Guests a workshop admits at once (the default); the next place comes an hour later.</summary>
    public const int GuestAdmissionBurst = 100;

    private AzuriteServer? azurite;
    private InProcessTestCluster? cluster;

    /// <summary>Unique per fixture, so no state of an earlier run or another fixture is ever read.</summary>
    public string ServiceId { get; } = $"grains-{Guid.NewGuid():N}"[..23];

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not started.");

    public IClusterClient Client => Cluster.Client;

    public string StorageConnectionString =>
        (azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        cluster = await StartClusterAsync(azurite.ConnectionString, ServiceId, silos: 2);
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Starts a cluster on the given storage; a second cluster with the same service id reads the same grain state.</summary>
    public static async Task<InProcessTestCluster> StartClusterAsync(string storageConnectionString, string serviceId, short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddKaolackGrains(storageConnectionString, serviceId);
            silo.Services.Configure<AccountOptions>(options => options.LockoutDuration = LockoutDuration);
            silo.Services.Configure<PresenceOptions>(options => options.Ttl = PresenceTtl);
            silo.Services.Configure<PlanStorageOptions>(options => options.SegmentMaxBlocks = PlanSegmentBlocks);
            silo.Services.Configure<WorkshopOptions>(options =>
            {
                options.GuestAdmissionBurst = GuestAdmissionBurst;
                options.GuestAdmissionInterval = TimeSpan.FromHours(1);
            });
        });
        var started = builder.Build();
        try
        {
            await started.DeployAsync();
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
        return started;
    }
}
