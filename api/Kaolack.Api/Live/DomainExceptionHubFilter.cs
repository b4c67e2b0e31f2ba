using Kaolack.Api.Auth;
using Kaolack.Api.Http;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Kaolack.Api.Live;

/// <summary>
/// Sends domain refusals to the caller as typed hub errors instead of SignalR's generic message, and passing failures (a
/// silo failing over, a timeout, storage) as "unavailable" with the seconds to wait, which clients retry without alarm.
/// Every refused call is logged as one line (method, caller, code): a refusal is an answer, not a fault, so no stack
/// trace. A failure that is neither is logged here with its stack trace, once: SignalR's own log of failed invocations,
/// which printed a stack trace for every refusal too, is switched off (<see cref="DispatcherCategory"/>).
/// </summary>
public sealed partial class DomainExceptionHubFilter(ILogger<DomainExceptionHubFilter> logger) : IHubFilter
{
    /// <summary>The category under which SignalR logs every failed invocation, refusals included, as an error with its stack.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException exception)
        {
            throw Refused(invocationContext, HubErrors.From(exception));
        }
        catch (UnauthenticatedException)
        {
            throw Refused(invocationContext, HubErrors.Create(ErrorCodes.Unauthenticated, "Connectez-vous pour continuer."));
        }
        catch (HubException exception)
        {
            throw Refused(invocationContext, exception);
        }
        catch (Exception exception) when (ServiceUnavailable.RetryAfter(exception) is { } retryAfter)
        {
            throw Refused(invocationContext, HubErrors.Unavailable(retryAfter));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }

    private HubException Refused(HubInvocationContext invocation, HubException error)
    {
        var message = error.Message;
        var code = message.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? message[..colon] : message;
        LogRefused(invocation.HubMethodName, invocation.Context.UserIdentifier ?? "?", invocation.Context.ConnectionId, code);
        return error;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} by {UserId} ({ConnectionId}) refused: {Code}")]
    private partial void LogRefused(string method, string userId, string connectionId, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {Method} ({ConnectionId}) failed")]
    private partial void LogFailed(Exception exception, string method, string connectionId);
}
