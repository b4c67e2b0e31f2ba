using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kaolack.Api.Auth;

/// <summary>
/// A token or cookie whose session <see cref="SessionClaimsTransformation"/> ended (password changed, account gone)
/// still authenticates, but as nobody; ASP.NET Core would then answer 403. Not being signed in is 401, so clients
/// ask for a new sign-in instead of showing "forbidden".
/// </summary>
public sealed class EndedSessionResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var result = authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true
            ? PolicyAuthorizationResult.Challenge()
            : authorizeResult;
        return inner.HandleAsync(next, context, policy, result);
    }
}
