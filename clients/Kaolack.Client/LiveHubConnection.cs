using Kaolack.Contracts.Wire;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Client;

/// <summary>
/// How a .NET client connects to the Kaolack hub: WebSockets only, without the negotiate round trip, so that behind a load
/// balancer without affinity any silo can take the connection (a negotiated connection makes a second request, which may
/// reach a silo that never saw the first); the server's JSON shape; a bearer token; reconnection that never gives up.
/// </summary>
public static class LiveHubConnection
{
    /// <summary>Waits between reconnection attempts: at once (another silo takes over), then backing off to 10 s, for as long as it takes.</summary>
    public static readonly IReadOnlyList<TimeSpan> ReconnectDelays =
        [TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>A builder for the hub at <paramref name="hubUri"/>, to add to (logging, a different reconnect policy) before building.</summary>
    public static IHubConnectionBuilder Builder(Uri hubUri, Func<Task<string?>>? accessToken = null) =>
        new HubConnectionBuilder()
            .WithUrl(hubUri, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = accessToken;
                }
            })
            .AddJsonProtocol(options => WireJson.Configure(options.PayloadSerializerOptions));

    /// <summary>Reconnects after <see cref="ReconnectDelays"/>, the last one repeated.</summary>
    public static IHubConnectionBuilder WithEndlessReconnect(this IHubConnectionBuilder builder) =>
        builder.WithAutomaticReconnect(new EndlessRetry());

    private sealed class EndlessRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            ReconnectDelays[(int)Math.Min(retryContext.PreviousRetryCount, ReconnectDelays.Count - 1)];
    }
}
