using Kaolack.Api.Hardening;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Live;

/// <summary>
/// Every hub call spends from its connection's budget and its account's (<see cref="HubThrottle"/>), weighed by the size of
/// its arguments; past either, it is refused "throttled" and does nothing. Runs after <see cref="LiveSessionFilter"/>, so
/// the account is the caller as they are now.
/// </summary>
public sealed class HubThrottleFilter(LiveSessions sessions, HubThrottle throttle) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var caller = sessions.CallerOf(invocationContext.Context);
        if (!throttle.TryAdmit(invocationContext.Context.ConnectionId, caller.UserId, HubThrottle.Cost(invocationContext.HubMethodArguments)))
        {
            throw HubErrors.Create(HubErrors.Throttled, "Trop de messages en peu de temps : rien n'a été fait, réessayez dans un instant.");
        }
        return await next(invocationContext);
    }
}
