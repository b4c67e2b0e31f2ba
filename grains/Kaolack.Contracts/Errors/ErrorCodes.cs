namespace Kaolack.Contracts.Errors;

/// <summary>
/// The stable codes of refusals: a problem's "code" over HTTP, the start of a hub error's message over SignalR
/// ("code: message"). Clients branch on them, so they are declared here once and exported to the web client's contract.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation-failed";
    public const string NotFound = "not-found";
    public const string AlreadyExists = "already-exists";
    public const string VersionConflict = "version-conflict";
    public const string RuleViolation = "rule-violation";
    public const string Forbidden = "forbidden";
    public const string InvitationExpired = "invitation-expired";
    public const string InvitationUsed = "invitation-used";

    /// <summary>An e-mailed account link (address verification, password reset) that expired, was used or replaced (HTTP 410).</summary>
    public const string LinkInvalid = "link-invalid";

    /// <summary>No session, or one that ended: sign in again (HTTP 401, and the hub's answer to such a caller).</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>
    /// The rule of a <see cref="RuleViolationException"/> that tells a plan client its base version is too old to
    /// transform: it subscribes afresh and sends its edits again ("rule-violation: resync: …").
    /// </summary>
    public const string ResyncRule = "resync";

    /// <summary>
    /// The rule that refuses edits to a plan whose op log cannot be read: it serves its last snapshot read-only until
    /// the log reads again. A client keeps its edits pending and shows the plan as read-only ("rule-violation: plan-read-only: …").
    /// </summary>
    public const string PlanReadOnlyRule = "plan-read-only";

    /// <summary>The codes a domain refusal (<see cref="DomainException.Code"/>) may carry.</summary>
    public static IReadOnlyList<string> Domain { get; } =
        [ValidationFailed, NotFound, AlreadyExists, VersionConflict, RuleViolation, Forbidden, InvitationExpired, InvitationUsed, LinkInvalid];
}
