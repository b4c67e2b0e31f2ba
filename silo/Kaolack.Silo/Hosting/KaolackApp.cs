using System.Net;
using Azure.Data.Tables;
using Kaolack.Api.Auth;
using Kaolack.Api.Hosting;
using Kaolack.Api.Observability;
using Kaolack.Grains.Hosting;
using Kaolack.Silo.DemoData;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Kaolack.Silo.Hosting;

/// <summary>Builds the one process: Orleans silo, HTTP API, SignalR hub and the web front end.</summary>
public static class KaolackApp
{
    public const string StorageConnectionName = "AzureStorage";

    /// <param name="configure">Lets tests add configuration (ports, storage, service id) before anything reads it.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        FrontEnd.UseBuildLayout(builder);

        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var storage = builder.Configuration.GetConnectionString(StorageConnectionName);
        if (string.IsNullOrWhiteSpace(storage))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{StorageConnectionName} is not set (environment: ConnectionStrings__{StorageConnectionName}). " +
                "Use ./run.sh to start Azurite, or give a real Azure Storage connection string.");
        }

        cluster.RequireFreePorts();
        builder.AddKaolackTelemetry();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort);
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = cluster.ProbeTimeout;
                options.MinProbeTimeout = TimeSpan.FromTicks(Math.Min(options.MinProbeTimeout.Ticks, cluster.ProbeTimeout.Ticks));
                options.NumMissedProbesLimit = cluster.MissedProbesLimit;
            });
            if (string.Equals(cluster.Clustering, "Localhost", StringComparison.OrdinalIgnoreCase))
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
            }
            else
            {
                silo.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(storage));
            }
            silo.AddKaolackGrains(storage, cluster.ServiceId);
            silo.AddDashboard();
        });

        builder.Services.AddKaolackApi(storage, cluster.ServiceId, builder.Configuration, builder.Environment);
        if (builder.Configuration.GetValue<bool>("Kaolack:SeedDemoData"))
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }

        var app = builder.Build();
        app.UseKaolackFrontDoor();
        app.UseFrontEnd();
        app.MapKaolackApi();
        app.MapFrontEnd();
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(AuthSchemes.AdminPolicy);
        return app;
    }
}
