namespace Kaolack.Api.Health;

/// <summary>The "Kaolack:Health" configuration section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Kaolack:Health";

    /// <summary>
    /// The longest any check may take: past it the check answers "too slow" (storage stalled, cluster not answering) rather
    /// than holding /health, so a load balancer and whoever is on call learn the truth within this time.
    /// </summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
