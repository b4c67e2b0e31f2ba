using Kaolack.Grains.Plans;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaolack.Api.Health;

/// <summary>
/// Degraded while a plan on this silo serves its last snapshot read-only because its op log cannot be read. Not
/// unhealthy: the silo serves everything else, and taking it out of a load balancer would only move the plan to the next.
/// </summary>
public sealed class PlanLogHealthCheck(UnreadablePlans unreadable) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var plans = unreadable.Current;
        return Task.FromResult(plans.Count == 0
            ? HealthCheckResult.Healthy("Journaux des plans lisibles.")
            : HealthCheckResult.Degraded(
                $"{plans.Count} plan(s) en lecture seule, journal illisible : {string.Join(" ; ", plans.Select(p => $"{p.Key} ({p.Reason})"))}",
                data: plans.ToDictionary(p => p.Key, p => (object)p.Reason)));
    }
}
