using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Health;

/// <summary>
/// Liveness (<c>/health/live</c>: the process answers; restart it when it does not), readiness (<c>/health/ready</c>: this
/// silo is active in the cluster and storage answers; send it traffic) and the whole picture (<c>/health</c>: every check).
/// Each answers 503 when a check it runs is unhealthy, within the checks' bound; details go to administrators only.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The checks readiness runs.</summary>
    public const string Readiness = "ready";

    public static IServiceCollection AddKaolackHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section)
            .Validate(options => options.CheckTimeout > TimeSpan.Zero, $"{HealthOptions.Section}:CheckTimeout must be positive.")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [Readiness])
            .AddCheck<StorageHealthCheck>("storage", tags: [Readiness])
            .AddCheck<PlanLogHealthCheck>("plans")
            .AddCheck<LostWritesHealthCheck>("lost-writes");
        return services;
    }

    public static IEndpointRouteBuilder MapKaolackHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.Write }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Readiness), ResponseWriter = HealthResponse.Write })
            .AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.Write }).AllowAnonymous();
        return app;
    }
}
