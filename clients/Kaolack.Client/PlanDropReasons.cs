namespace Kaolack.Client;

/// <summary>Why an op was dropped: the server's reasons (PlanAck.Reason), and the client's own.</summary>
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

    /// <summary>A text edit lost because the client had to reload a snapshot it could not rebase it onto.</summary>
    public const string Resynced = "resynced";
}
