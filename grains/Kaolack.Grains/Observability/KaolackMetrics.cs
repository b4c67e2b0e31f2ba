using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kaolack.Grains.Observability;

/// <summary>
/// The platform's own measurements, beside Orleans' (meter <c>Microsoft.Orleans</c>) and ASP.NET Core's (connected
/// clients are SignalR's <c>signalr.server.active_connections</c>): what a plan commits, how long an edit waits for its
/// ack, how many deliveries live events make, how long storage takes. One meter for the process, as the instruments
/// are process-wide; exported by whatever listens (OpenTelemetry in the silo, a MeterListener in tests).
/// </summary>
public static class KaolackMetrics
{
    public const string MeterName = "Kaolack.Orleans";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Seconds, from a few milliseconds (an ack on a quiet silo) to ten seconds (storage failing over).</summary>
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    /// <summary>Plan ops made durable (a rate of it is ops/s).</summary>
    public static readonly Counter<long> OpsCommitted = Meter.CreateCounter<long>(
        "kaolack.plan.ops_committed", "{op}", "Plan ops made durable in the log.");

    /// <summary>From an edit's arrival at its plan to its ack, durable.</summary>
    public static readonly Histogram<double> AckLatency = Meter.CreateHistogram<double>(
        "kaolack.plan.ack_latency", "s", "Time from an edit's arrival at its plan to its acknowledgement.", advice: SecondsBuckets);

    /// <summary>Live events sent to connections: one per connection an event goes to.</summary>
    public static readonly Counter<long> EventsFannedOut = Meter.CreateCounter<long>(
        "kaolack.live.events_fanned_out", "{event}", "Live events sent to connected clients, one per connection.");

    /// <summary>Storage calls on the write path, tagged by what they store.</summary>
    public static readonly Histogram<double> StorageLatency = Meter.CreateHistogram<double>(
        "kaolack.storage.duration", "s", "Time a storage call on the write path takes.", advice: SecondsBuckets);

    /// <summary>Seconds since <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static double SecondsSince(long startedTimestamp) => Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds;

    /// <summary>Records how long <paramref name="call"/> took into <see cref="StorageLatency"/> as <paramref name="operation"/>, failed or not.</summary>
    public static async Task TimeStorage(string operation, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        finally
        {
            StorageLatency.Record(SecondsSince(started), new KeyValuePair<string, object?>("operation", operation));
        }
    }
}
