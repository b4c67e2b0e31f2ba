using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Live;

/// <summary>
/// Errors sent to SignalR clients. SignalR carries only a message, so it starts with a stable code:
/// "invalid-topic: …", "too-many-topics: …", "validation-failed: …", "not-found: …".
/// </summary>
public static class HubErrors
{
    public static HubException Create(string code, string message) => new($"{code}: {message}");

    /// <summary>Rule violations name their rule too: "rule-violation: resync: …".</summary>
    public static HubException From(DomainException exception) => exception is RuleViolationException violation
        ? Create(exception.Code, $"{violation.Rule}: {exception.Message}")
        : Create(exception.Code, exception.Message);
}
