namespace Kaolack.Contracts.Plans;

/// <summary>
/// Why an op was dropped or discarded: the server's reasons (<see cref="PlanAck.Reason"/>, decided by
/// <see cref="PlanRules.Apply"/>), then the reason a client gives for an op of its own the server refused.
/// </summary>
public static class PlanDropReasons
{
    /// <summary>The entity was deleted before the op reached the server.</summary>
    public const string EntityDeleted = "entity-deleted";

    /// <summary>An add whose id is already taken.</summary>
    public const string EntityExists = "entity-exists";

    /// <summary>The entity is not in the document.</summary>
    public const string EntityMissing = "entity-missing";

    /// <summary>Prefix of the reason for an op the server refused (the hub error's message follows).</summary>
    public const string Rejected = "rejected";
}
