using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Kaolack.Api.Observability;

/// <summary>
/// The "Kaolack:Telemetry" configuration section: where traces, metrics and logs go. An OTLP endpoint (this section's,
/// else the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) receives all three; without one, metrics are printed to the
/// console now and then, and logs stay on the console logger.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Kaolack:Telemetry";

    public string? OtlpEndpoint { get; set; }

    /// <summary>"grpc" (port 4317 by convention) or "http/protobuf" (4318); else <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else grpc.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>How often metrics go to the OTLP endpoint.</summary>
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Without an endpoint, whether metrics are printed to the console at all.</summary>
    public bool Console { get; set; } = true;

    /// <summary>How often metrics are printed to the console: rarely, so the console stays readable.</summary>
    public TimeSpan ConsoleInterval { get; set; } = TimeSpan.FromMinutes(5);

    public static TelemetryOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        options.OtlpEndpoint ??= configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        options.OtlpProtocol ??= configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        return options.MetricsInterval > TimeSpan.Zero && options.ConsoleInterval > TimeSpan.Zero
            ? options
            : throw new InvalidOperationException($"{Section}: MetricsInterval and ConsoleInterval must be positive.");
    }

    /// <summary>The endpoint to export to, or null for the console.</summary>
    public Uri? Endpoint => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null
        : Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) ? uri
        : throw new InvalidOperationException($"{Section}:OtlpEndpoint is not an absolute address: {OtlpEndpoint}");

    public OtlpExportProtocol Protocol => OtlpProtocol?.Trim().ToLowerInvariant() switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"{Section}:OtlpProtocol must be grpc or http/protobuf, not {OtlpProtocol}."),
    };

    /// <summary>
    /// Where one signal goes: gRPC takes the endpoint as it is; over HTTP an endpoint set in code is the signal's whole
    /// address, so the standard path (<c>v1/traces</c>, <c>v1/metrics</c>, <c>v1/logs</c>) is added here.
    /// </summary>
    public void Configure(OtlpExporterOptions exporter, string signal)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        var endpoint = Endpoint ?? throw new InvalidOperationException("No OTLP endpoint is configured.");
        exporter.Protocol = Protocol;
        exporter.Endpoint = Protocol == OtlpExportProtocol.Grpc ? endpoint
            : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal);
    }
}
