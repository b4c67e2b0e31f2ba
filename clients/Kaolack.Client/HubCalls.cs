using Kaolack.Contracts.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Client;

/// <summary>Hub calls that every part of the client makes the same way.</summary>
internal static class HubCalls
{
    /// <summary>Attempts of a subscription through passing failures (about two minutes) before the failure is the caller's.</summary>
    private const int SubscribeAttempts = 30;

    /// <summary>Subscribes to <paramref name="topic"/> from <paramref name="sinceVersion"/>, trying again through passing failures (a fail-over).</summary>
    public static async Task<CatchUp> Subscribe(HubConnection connection, string topic, long? sinceVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await connection.InvokeAsync<CatchUp>("Subscribe", topic, sinceVersion, cancellationToken);
            }
            catch (HubException exception) when (attempt < SubscribeAttempts && HubRefusal.Of(exception).IsPassing)
            {
                await Task.Delay(HubRefusal.Of(exception).WaitAfter(attempt), cancellationToken);
            }
        }
    }
}
