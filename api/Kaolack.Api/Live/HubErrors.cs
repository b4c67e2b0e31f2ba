using Kaolack.Api.Http;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Live;

/// <summary>
/// Errors sent to SignalR clients. SignalR carries only a message, so it starts with a stable code:
/// "invalid-topic: …", "too-many-topics: …", "validation-failed: …", "not-found: …", and "unavailable: {seconds}: …"
/// for a call to try again after that many seconds.
/// </summary>
public static class HubErrors
{
    /// <summary>A topic name that is malformed or names nothing this hub serves.</summary>
    public const string InvalidTopic = "invalid-topic";

    /// <summary>The connection already follows <see cref="LiveHub.MaxTopicsPerConnection"/> topics.</summary>
    public const string TooManyTopics = "too-many-topics";

    /// <summary>
    /// The connection's session ended while it was open (password changed, signed out everywhere, account gone): every
    /// call is refused with it, the client is told (<see cref="ILiveClient.SignedOut"/>) and the connection closes.
    /// </summary>
    public const string SignedOut = "signed-out";

    /// <summary>The caller may no longer read a topic it followed (<see cref="ILiveClient.Revoked"/>): a role or a membership went.</summary>
    public const string AccessRemoved = "access-removed";

    /// <summary>The connection or its account sent more than its budget of hub calls: nothing was done, try again shortly.</summary>
    public const string Throttled = "throttled";

    /// <summary>Every code a hub call may fail with: the domain's refusals and the hub's own. Exported to the web client.</summary>
    public static IReadOnlyList<string> Codes { get; } =
        [.. ErrorCodes.Domain, ErrorCodes.Unauthenticated, ErrorCodes.Unavailable, InvalidTopic, TooManyTopics, SignedOut, AccessRemoved, Throttled];

    /// <summary>An error with a declared code: clients branch on codes, so an undeclared one is a programming error.</summary>
    public static HubException Create(string code, string message) => new(Text(code, message));

    /// <summary>"code: message", as a hub error carries it and as the server's notices (<see cref="ILiveClient"/>) send it.</summary>
    public static string Text(string code, string message) => Codes.Contains(code)
        ? $"{code}: {message}"
        : throw new ArgumentOutOfRangeException(nameof(code), code, "Declare the code in HubErrors.Codes, which the web client's contract is generated from.");

    /// <summary>"unavailable: 2: …": the call failed in passing (fail-over, a timeout, storage); the client tries again after the seconds given.</summary>
    public static HubException Unavailable(TimeSpan retryAfter)
    {
        var seconds = ServiceUnavailable.Seconds(retryAfter);
        return Create(ErrorCodes.Unavailable, $"{seconds}: Service momentanément indisponible, nouvel essai dans {seconds} s.");
    }

    /// <summary>Rule violations name their rule too: "rule-violation: resync: …".</summary>
    public static HubException From(DomainException exception) => exception is RuleViolationException violation
        ? Create(exception.Code, $"{violation.Rule}: {exception.Message}")
        : Create(exception.Code, exception.Message);
}
