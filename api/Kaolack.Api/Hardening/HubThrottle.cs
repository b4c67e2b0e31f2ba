using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Hardening;

/// <summary>
/// Budgets of hub calls (System.Threading.RateLimiting token buckets, partitioned and chained): each call spends from its
/// connection's bucket and from its account's, so one socket cannot flood and an account cannot multiply sockets to flood
/// either. A call costs one token plus one per KB of arguments, so sending large edits fast drains the budget sooner.
/// Buckets refill each second; idle ones are dropped by the partitioned limiter.
/// </summary>
public sealed class HubThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<HubCall> limiter;
    private readonly int largestCost;

    public HubThrottle(IOptions<HardeningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        largestCost = Math.Min(o.HubCallBurstPerConnection, o.HubCallBurstPerAccount);
        limiter = o.RateLimitingEnabled
            ? PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HubCall, string>(call => Bucket($"connection:{call.ConnectionId}", o.HubCallsPerSecondPerConnection, o.HubCallBurstPerConnection)),
                PartitionedRateLimiter.Create<HubCall, string>(call => Bucket($"account:{call.AccountId}", o.HubCallsPerSecondPerAccount, o.HubCallBurstPerAccount)))
            : PartitionedRateLimiter.Create<HubCall, string>(_ => RateLimitPartition.GetNoLimiter("unlimited"));
    }

    /// <summary>Spends <paramref name="cost"/> from both budgets, or nothing and false when either is short.</summary>
    public bool TryAdmit(string connectionId, string accountId, int cost)
    {
        using var lease = limiter.AttemptAcquire(new HubCall(connectionId, accountId), Math.Clamp(cost, 1, largestCost));
        return lease.IsAcquired;
    }

    /// <summary>One token, plus one per whole KB of the arguments (JSON payloads as received, strings by length).</summary>
    public static int Cost(IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        long bytes = 0;
        foreach (var argument in arguments)
        {
            bytes += argument switch
            {
                JsonElement element => JsonMarshal.GetRawUtf8Value(element).Length,
                string text => text.Length,
                _ => 0,
            };
        }
        return (int)Math.Min(1 + (bytes / 1024), int.MaxValue);
    }

    public void Dispose() => limiter.Dispose();

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            // The partitioned limiter replenishes every bucket on one timer of its own, not one timer per connection.
            AutoReplenishment = false,
        });

    private readonly record struct HubCall(string ConnectionId, string AccountId);
}
