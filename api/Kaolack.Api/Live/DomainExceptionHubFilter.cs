using Kaolack.Api.Auth;
using Kaolack.Api.Http;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Live;

/// <summary>
/// Sends domain refusals to the caller as typed hub errors instead of SignalR's generic message, and passing failures (a
/// silo failing over, a timeout, storage) as "unavailable" with the seconds to wait, which clients retry without alarm.
/// </summary>
public sealed class DomainExceptionHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException exception)
        {
            throw HubErrors.From(exception);
        }
        catch (UnauthenticatedException)
        {
            throw HubErrors.Create(ErrorCodes.Unauthenticated, "Connectez-vous pour continuer.");
        }
        catch (Exception exception) when (exception is not HubException && ServiceUnavailable.RetryAfter(exception) is { } retryAfter)
        {
            throw HubErrors.Unavailable(retryAfter);
        }
    }
}
