using Kaolack.Grains.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kaolack.Api.Observability;

/// <summary>
/// OpenTelemetry for the whole process: traces of HTTP requests and grain calls, the meters of Orleans, ASP.NET Core
/// (requests, Kestrel and SignalR connections: the connected clients) and the platform's own (<see cref="KaolackMetrics"/>),
/// and logs; exported as <see cref="TelemetryOptions"/> says.
/// </summary>
public static class KaolackTelemetry
{
    public const string ServiceName = "kaolack-orleans";

    /// <summary>Orleans' meter and the ASP.NET Core meters that say how the front door and the live connections fare.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.Orleans",
        KaolackMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
    ];

    /// <summary>Orleans' activity sources, filled once the silo propagates activities across grain calls.</summary>
    public static readonly string[] TraceSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddKaolackTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = TelemetryOptions.From(builder.Configuration);
        var exportsOtlp = options.Endpoint is not null;
        // UseOrleans adds to the silo builder the application configures, whichever call comes first.
        builder.UseOrleans(silo => silo.AddActivityPropagation());
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (exportsOtlp)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        options.Configure(exporter, "metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricsInterval.TotalMilliseconds;
                    });
                }
                else if (options.Console)
                {
                    metrics.AddConsoleExporter((_, reader) =>
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ConsoleInterval.TotalMilliseconds);
                }
            });
        // A trace per request printed to the console would bury everything else: traces and logs go out by OTLP only
        // (logs reach the console through the usual console logger anyway).
        if (exportsOtlp)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(TraceSources)
                    .AddAspNetCoreInstrumentation()
                    .AddOtlpExporter(exporter => options.Configure(exporter, "traces")))
                .WithLogging(logging => logging.AddOtlpExporter(exporter => options.Configure(exporter, "logs")));
        }
        return builder;
    }
}
