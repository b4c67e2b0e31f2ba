using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Live;

/// <summary>
/// Every hub call is decided on the caller as they are now (<see cref="LiveSessions"/>): the connection's session is
/// verified again first when its last verification is older than the interval, and a call on a connection whose session
/// ended is refused "signed-out". Registers each connection with the session it opened with, and forgets it once closed.
/// </summary>
public sealed class LiveSessionFilter(LiveSessions sessions) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        await sessions.Current(invocationContext.Context);
        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        sessions.Open(context.Context);
        return next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception);
        }
        finally
        {
            sessions.Close(context.Context.ConnectionId);
        }
    }
}
