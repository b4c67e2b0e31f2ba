using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaolack.Api.Health;

/// <summary>Healthy when the cluster answers and lists at least one active silo.</summary>
public sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} silo(s) actif(s).", new Dictionary<string, object> { ["activeSilos"] = hosts.Count })
                : HealthCheckResult.Unhealthy("Aucun silo actif.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Le cluster Orleans ne répond pas.", exception);
        }
    }
}
