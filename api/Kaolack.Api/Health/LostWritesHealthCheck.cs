using Kaolack.Grains.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaolack.Api.Health;

/// <summary>
/// Degraded for a day after this silo found a live source behind a version its clients had seen (<see cref="LostWrites"/>):
/// the store lost acknowledged writes. Not unhealthy: the silo serves on from what is stored, and clients recover.
/// </summary>
public sealed class LostWritesHealthCheck(LostWrites lostWrites) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var losses = lostWrites.Recent;
        return Task.FromResult(losses.Count == 0
            ? HealthCheckResult.Healthy("Aucune écriture perdue par le stockage.")
            : HealthCheckResult.Degraded(
                $"Écritures perdues par le stockage (24 h) : {string.Join(" ; ", losses.Select(l => $"{l.Source} revenu à v{l.Stored} après v{l.Seen} ({l.At:u})"))}",
                data: losses.ToDictionary(l => l.Source, l => (object)$"v{l.Seen} → v{l.Stored} {l.At:u}")));
    }
}
