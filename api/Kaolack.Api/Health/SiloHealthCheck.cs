using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Health;

/// <summary>
/// The cluster as this silo's Orleans sees it: every member with its status, and the silos other members suspect (missed
/// probes, not yet declared dead), read from the membership table within the bound. Unhealthy when this silo is not active
/// in the cluster; degraded while another silo is suspected or the suspicions cannot be read in time.
/// </summary>
public sealed class SiloHealthCheck(
    IClusterMembershipService cluster, ILocalSiloDetails local, IGrainFactory grains, IOptions<HealthOptions> options, TimeProvider clock) : IHealthCheck
{
    /// <summary>Suspicions older than this no longer count towards a death declaration (Orleans' default vote expiry).</summary>
    private static readonly TimeSpan SuspicionLifetime = TimeSpan.FromMinutes(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = cluster.CurrentSnapshot;
        var members = snapshot.Members.Values.OrderBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal).ToList();
        var bound = options.Value.CheckTimeout;
        var table = await HealthBound.Within<MembershipEntry[]?>(bound,
            async token => await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false, token), null, cancellationToken);
        var since = clock.GetUtcNow().UtcDateTime - SuspicionLifetime;
        var suspected = (table ?? [])
            .Where(entry => entry.Status == SiloStatus.Active && entry.SuspectTimes?.Any(s => s.Item2 >= since) == true)
            .Select(entry => entry.SiloAddress)
            .ToHashSet();

        var active = members.Count(m => m.Status == SiloStatus.Active);
        var description = $"{active} silo(s) actif(s) dont {suspected.Count} soupçonné(s)"
            + $"{(suspected.Count > 0 ? $" ({string.Join(", ", suspected)})" : "")}, "
            + $"{members.Count(m => m.Status == SiloStatus.Dead)} mort(s), {members.Count(m => m.Status is not (SiloStatus.Active or SiloStatus.Dead))} autre(s)"
            + (table is null ? $" ; soupçons inconnus (table des membres sans réponse en {bound.TotalSeconds:0.#} s)." : ".");
        var data = new Dictionary<string, object>
        {
            ["self"] = $"{local.SiloAddress} {snapshot.GetSiloStatus(local.SiloAddress)}",
            ["members"] = members.Select(m => $"{m.SiloAddress} {(suspected.Contains(m.SiloAddress) ? "Suspected" : m.Status)}").ToArray(),
        };
        if (snapshot.GetSiloStatus(local.SiloAddress) != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"Ce silo n'est pas actif ({snapshot.GetSiloStatus(local.SiloAddress)}) : {description}", data: data);
        }
        return suspected.Count > 0 || table is null
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
