using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kaolack.Grains.Accounts;
using Kaolack.Grains.Dashboard;
using Kaolack.Grains.Plans;
using Kaolack.Grains.Projects;
using Kaolack.Grains.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;

namespace Kaolack.Grains.Hosting;

/// <summary>What the grains need in a silo, the same for the app and for tests: storage on Azure Storage (Azurite or a real account) and a clock.</summary>
public static class GrainSetup
{
    public const string EntitiesTable = "KaolackEntities";

    /// <summary>
    /// Table rows carry the ServiceId in their keys; blob names do not, so the container does,
    /// and two services sharing an account never read each other's documents.
    /// </summary>
    public static string DocumentsContainer(string serviceId) => ContainerName("kaolack", serviceId);

    /// <summary>The keys that sign session cookies and bearer tokens, shared by the silos of a service.</summary>
    public static string KeysContainer(string serviceId) => ContainerName("kaolack-keys", serviceId);

    /// <summary>The plans' op logs and named versions, written by the plan grains beside their snapshots.</summary>
    public static string PlanLogContainer(string serviceId) => ContainerName("kaolack-plans", serviceId);

    private static string ContainerName(string prefix, string serviceId)
    {
        var cleaned = new string([.. serviceId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        var name = $"{prefix}-{cleaned}";
        return name.Length > 63 ? name[..63].TrimEnd('-') : name;
    }

    public static ISiloBuilder AddKaolackGrains(this ISiloBuilder silo, string connectionString, string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        silo.Services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section)
            .Validate(options => options.Ttl > TimeSpan.Zero, $"{PresenceOptions.Section}:Ttl must be positive.")
            .ValidateOnStart();
        silo.Services.AddOptions<PlanStorageOptions>().BindConfiguration(PlanStorageOptions.Section)
            .Validate(options => options.IsValid(), $"{PlanStorageOptions.Section}: counts and intervals must be positive, segments at most {PlanLogSegments.MaxBlocksPerBlob} blocks.")
            .ValidateOnStart();
        silo.Services.AddSingleton(services => new PlanLogStore(
            new BlobServiceClient(connectionString).GetBlobContainerClient(PlanLogContainer(serviceId)),
            services.GetRequiredService<Serializer>()));
        silo.Services.AddSingleton<UnreadablePlans>();
        silo.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section)
            .Validate(options => options.PushInterval > TimeSpan.Zero && options.SeriesDays > 0,
                $"{DashboardOptions.Section}:PushInterval and SeriesDays must be positive.")
            .ValidateOnStart();
        silo.Services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section)
            .Validate(options => options.Lifetime > TimeSpan.Zero, $"{InvitationOptions.Section}:Lifetime must be positive.")
            .ValidateOnStart();
        silo.Services.AddOptions<WorkshopOptions>().BindConfiguration(WorkshopOptions.Section)
            .Validate(options => options.GuestAdmissionBurst > 0 && options.GuestAdmissionInterval > TimeSpan.Zero
                    && options.JoinAttemptBurst > 0 && options.JoinAttemptInterval > TimeSpan.Zero && options.ReactionInterval >= TimeSpan.Zero,
                $"{WorkshopOptions.Section}: bursts and intervals must be positive, the reaction interval not negative.")
            .ValidateOnStart();
        silo.AddAzureTableGrainStorage(StorageNames.Entities, options => options.Configure<IServiceProvider>((o, services) =>
        {
            o.TableServiceClient = new TableServiceClient(connectionString);
            o.TableName = EntitiesTable;
            o.GrainStorageSerializer = BinarySerializer(services);
        }));
        silo.AddAzureBlobGrainStorage(StorageNames.Documents, options => options.Configure<IServiceProvider>((o, services) =>
        {
            o.BlobServiceClient = new BlobServiceClient(connectionString);
            o.ContainerName = DocumentsContainer(serviceId);
            o.GrainStorageSerializer = BinarySerializer(services);
        }));
        return silo;
    }

    // Orleans' own version-tolerant format: state types evolve through [Id] numbering, the same rules as grain calls.
    private static OrleansGrainStorageSerializer BinarySerializer(IServiceProvider services) =>
        new(services.GetRequiredService<Serializer>());
}
