using System.Net.Sockets;
using Azure;

namespace Kaolack.Api.Http;

/// <summary>
/// Failures that say "not now" rather than "no": a silo that stopped answering (killed, not yet declared dead), a grain
/// call that timed out, a storage request that failed on the server's side or never got through. They are answered as
/// "unavailable" with a time to retry after (HTTP 503 with <c>Retry-After</c>, the hub's "unavailable: {seconds}: …"), so
/// clients back off and try again instead of showing an error; anything else stays a server error.
/// </summary>
public static class ServiceUnavailable
{
    /// <summary>Membership declares a killed silo dead within a few seconds (DECISIONS §30): the call then reaches the next activation.</summary>
    public static readonly TimeSpan ClusterRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>Storage that failed is given longer: a store under load recovers in seconds, not milliseconds.</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>How long the caller should wait before trying again, or null when the failure is not a passing one.</summary>
    public static TimeSpan? RetryAfter(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case OrleansMessageRejectionException or GatewayTooBusyException or TimeoutException:
                    return ClusterRetryAfter;
                case RequestFailedException { Status: 0 or 408 or 429 or >= 500 } or HttpRequestException or SocketException:
                    return StorageRetryAfter;
            }
        }
        return null;
    }

    /// <summary>The whole seconds of a <c>Retry-After</c>, at least one.</summary>
    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}
