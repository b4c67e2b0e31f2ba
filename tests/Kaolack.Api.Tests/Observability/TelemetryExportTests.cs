using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Kaolack.Api.Observability;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Exporter;

namespace Kaolack.Api.Tests.Observability;

/// <summary>
/// With an OTLP endpoint configured, the silo sends traces, metrics and logs to it: checked against a collector of our
/// own on loopback that keeps what it receives (OTLP over HTTP, protobuf), searched for the names it must carry.
/// </summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_reach_the_configured_otlp_endpoint_with_the_orleans_and_platform_meters()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var storage = await AzuriteServer.StartAsync();
        var settings = new Dictionary<string, string?>(HostSettings.Unthrottled)
        {
            ["Kaolack:Telemetry:OtlpEndpoint"] = collector.Address,
            ["Kaolack:Telemetry:OtlpProtocol"] = "http/protobuf",
            ["Kaolack:Telemetry:MetricsInterval"] = "00:00:01",
            ["Logging:LogLevel:Kaolack.Grains.Plans.PlanDocumentGrain"] = "Information",
        };
        await using var host = await SiloHost.StartAsync(new SiloHostOptions(storage.ConnectionString) { Settings = settings });
        var team = await PlanTeam.CreateAsync(host, "otel");
        await using var viewer = team.Viewer.Hub(host);
        await viewer.StartAsync();
        await viewer.InvokeAsync<JsonElement>("Subscribe", $"plan:{team.Slug}", (long?)null);
        await using var editor = team.Editor.Hub(host);
        await editor.StartAsync();
        var ack = await editor.InvokeAsync<PlanAck>("SubmitPlanOp", team.Slug, new PlanSubmission("otel", 1, 0, new PlanOp
        {
            Type = PlanOpType.Add, Kind = PlanEntityKind.Task, Id = "t1", Order = "a0",
            Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Title, "Devis"),
        }));
        Assert.Equal(new PlanAck(1, null), ack);

        string[] meters = ["Microsoft.Orleans", "kaolack.plan.ops_committed", "kaolack.plan.ack_latency", "kaolack.live.events_fanned_out",
            "kaolack.storage.duration", "signalr.server.active_connections"];
        await Eventually.True(() => meters.All(name => collector.Received("metrics", name)),
            "every meter to reach the collector", TimeSpan.FromSeconds(30));
        await Eventually.True(() => collector.Received("traces", "/api/projects") && collector.Received("traces", "Microsoft.Orleans"),
            "traces of requests and grain calls", TimeSpan.FromSeconds(30));
        await Eventually.True(() => collector.Received("logs", "log replayed"),
            "the plan's activation log", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Over_http_each_signal_goes_to_its_own_path_and_over_grpc_to_the_endpoint_itself()
    {
        var http = new TelemetryOptions { OtlpEndpoint = "http://collector:4318/", OtlpProtocol = "http/protobuf" };
        var grpc = new TelemetryOptions { OtlpEndpoint = "http://collector:4317" };
        var (traces, metrics) = (new OtlpExporterOptions(), new OtlpExporterOptions());

        http.Configure(traces, "traces");
        grpc.Configure(metrics, "metrics");

        Assert.Equal((OtlpExportProtocol.HttpProtobuf, new Uri("http://collector:4318/v1/traces")), (traces.Protocol, traces.Endpoint));
        Assert.Equal((OtlpExportProtocol.Grpc, new Uri("http://collector:4317")), (metrics.Protocol, metrics.Endpoint));
        Assert.Null(new TelemetryOptions().Endpoint);
        Assert.Throws<InvalidOperationException>(() => new TelemetryOptions { OtlpProtocol = "http/json" }.Protocol);
        Assert.Throws<InvalidOperationException>(() => new TelemetryOptions { OtlpEndpoint = "collector-without-scheme" }.Endpoint);
    }

    /// <summary>An OTLP/HTTP receiver on loopback: keeps every body posted to <c>/v1/{signal}</c>.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> bodies = new(StringComparer.Ordinal);

        private OtlpCollector(WebApplication app, string address)
        {
            this.app = app;
            Address = address;
        }

        public string Address { get; }

        public static async Task<OtlpCollector> StartAsync()
        {
            var address = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(address);
            var app = builder.Build();
            var collector = new OtlpCollector(app, address);
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector.bodies.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        /// <summary>Whether some body of <paramref name="signal"/> holds <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
        public bool Received(string signal, string text)
        {
            var needle = Encoding.UTF8.GetBytes(text);
            return bodies.TryGetValue(signal, out var received) && received.Any(body => body.AsSpan().IndexOf(needle) >= 0);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
