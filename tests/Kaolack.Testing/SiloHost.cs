using System.Text.Json;
using Kaolack.Api.Hosting;
using Kaolack.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaolack.Testing;

/// <summary>
/// The real application (silo + HTTP + SignalR), built by the same code as Program.cs, listening on free
/// loopback ports. Several hosts with the same cluster and service ids form one Orleans cluster.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private SiloHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>JSON options matching the server's (camelCase, enum names).</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    public static async Task<SiloHost> StartAsync(SiloHostOptions options)
    {
        var ports = FreePorts.Take(3);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{KaolackApp.StorageConnectionName}"] = options.StorageConnectionString,
            ["Cluster:ClusterId"] = options.ClusterId,
            ["Cluster:ServiceId"] = options.ServiceId,
            ["Cluster:SiloPort"] = $"{ports[0]}",
            ["Cluster:GatewayPort"] = $"{ports[1]}",
            ["Cluster:Clustering"] = "AzureTable",
            ["Kaolack:SeedDemoData"] = options.SeedDemoData ? "true" : "false",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }
        var app = KaolackApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls($"http://127.0.0.1:{ports[2]}");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            options.ConfigureBuilder?.Invoke(builder);
        });
        await app.StartAsync();
        return new SiloHost(app, new Uri($"http://127.0.0.1:{ports[2]}"));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A SignalR connection to this host's live hub (not started).</summary>
    public HubConnection CreateHubConnection(Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/live"))
            .AddJsonProtocol(options => KaolackApi.ConfigureJson(options.PayloadSerializerOptions));
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A graceful stop: the silo leaves the cluster and its grains deactivate (state is already persisted).</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        KaolackApi.ConfigureJson(options);
        return options;
    }
}
