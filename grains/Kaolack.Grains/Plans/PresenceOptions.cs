namespace Kaolack.Grains.Plans;

/// <summary>The "Kaolack:Presence" configuration section.</summary>
public sealed class PresenceOptions
{
    public const string Section = "Kaolack:Presence";

    /// <summary>How long a client stays present without a new update (its heartbeat).</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(15);
}
