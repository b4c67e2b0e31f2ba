using Kaolack.Api.Auth;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Live;

/// <summary>Sends domain refusals to the caller as typed hub errors instead of SignalR's generic message.</summary>
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
    }
}
