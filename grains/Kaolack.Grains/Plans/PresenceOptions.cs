namespace Kaolack.Grains.Plans;

/// <summary>The "Kaolack:Presence" configuration section.</summary>
public sealed class PresenceOptions
{
    public const string Section = "Kaolack:Presence";

    /// <summary>How long a client stays present without a new update (its heartbeat).</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Least time between two pushes of a plan's presence list: a flood of updates (or of cursor moves by text edits)
    /// reaches each watcher as at most one list per interval, the last one always.
    /// </summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
