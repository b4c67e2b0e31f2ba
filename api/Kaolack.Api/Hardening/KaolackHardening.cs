using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Hardening;

/// <summary>Registration and wiring of request limits and security headers.</summary>
public static class KaolackHardening
{
    private static readonly string[] WriteMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>
    /// Registers the <see cref="RateLimitPolicies"/> (token buckets, no queue: a waiting request would only hold a
    /// connection open for an attacker). Call <c>app.UseRateLimiter()</c> after authentication, so that the writes
    /// policy sees the signed-in user.
    /// </summary>
    public static IServiceCollection AddKaolackRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HardeningOptions>()
            .Bind(configuration.GetSection(HardeningOptions.Section))
            .Validate(
                options => options.LoginPermitsPerMinute > 0 && options.RegistrationPermitsPerHour > 0 && options.WritePermitsPerMinute > 0
                    && options.CreationPermitsPerHour > 0 && options.HubCallsPerSecondPerConnection > 0 && options.HubCallsPerSecondPerAccount > 0
                    && options.HubCallBurstPerConnection > 0 && options.HubCallBurstPerAccount > 0,
                $"{HardeningOptions.Section}: every *Permits*, *HubCalls* and *Burst* value must be at least 1.")
            .ValidateOnStart();

        services.AddRateLimiter(options =>
        {
            // The default is 503, which tells clients and monitors the server is down rather than that they went too fast.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RateLimitRejection.WriteAsync;
        });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<HardeningOptions>>((limiter, hardening) =>
            {
                AddPolicies(limiter, hardening.Value);
                limiter.GlobalLimiter = CreationQuotas(hardening.Value);
            });
        services.AddSingleton<HubThrottle>();
        return services;
    }

    /// <summary>
    /// Counts the endpoint's requests against <see cref="HardeningOptions.CreationPermitsPerHour"/>, per signed-in user and
    /// endpoint, on top of its other limits (the write limit still applies).
    /// </summary>
    public static TBuilder RequireCreationQuota<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new CreationQuota());
    }

    /// <summary>
    /// The creation quotas, as the rate limiter's global limiter: it runs before each endpoint's own policy, so an
    /// endpoint keeps its write limit and adds its quota (an endpoint holds only one named policy).
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> CreationQuotas(HardeningOptions options) => PartitionedRateLimiter.Create<HttpContext, string>(context =>
        context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<CreationQuota>() is not null
            ? Partition(options, $"{ClientPartition.ByUserOrAddress(context)}|{endpoint.DisplayName}", options.CreationPermitsPerHour, TimeSpan.FromHours(1))
            : RateLimitPartition.GetNoLimiter(""));

    /// <summary>
    /// Applies <see cref="RateLimitPolicies.Writes"/> to the POST, PUT, PATCH and DELETE endpoints of a group (or of
    /// one endpoint); reads stay unlimited so browsing is never throttled by someone's burst of edits.
    /// </summary>
    public static TBuilder RequireKaolackWriteLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods;
            if (methods is not null && methods.Any(method => WriteMethods.Contains(method, StringComparer.OrdinalIgnoreCase)))
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(RateLimitPolicies.Writes));
            }
        });
        return builder;
    }

    /// <summary>
    /// Adds <see cref="SecurityHeaders"/>. Put it first in the pipeline: its headers are written when the response
    /// starts, so error pages, 404s and rate-limit refusals get them too.
    /// </summary>
    public static IApplicationBuilder UseKaolackSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();

    /// <summary>Adds <see cref="OriginCheck"/>: before authentication, so a refused request reaches no session and no endpoint.</summary>
    public static IApplicationBuilder UseKaolackOriginCheck(this IApplicationBuilder app) => app.UseMiddleware<OriginCheck>();

    private static void AddPolicies(RateLimiterOptions limiter, HardeningOptions options)
    {
        limiter.AddPolicy(RateLimitPolicies.Login, context =>
            Partition(options, ClientPartition.ByAddress(context), options.LoginPermitsPerMinute, TimeSpan.FromMinutes(1)));
        limiter.AddPolicy(RateLimitPolicies.Register, context =>
            Partition(options, ClientPartition.ByAddress(context), options.RegistrationPermitsPerHour, TimeSpan.FromHours(1)));
        limiter.AddPolicy(RateLimitPolicies.Writes, context =>
            Partition(options, ClientPartition.ByUserOrAddress(context), options.WritePermitsPerMinute, TimeSpan.FromMinutes(1)));
    }

    /// <summary>
    /// A full bucket of <paramref name="permits"/> refilled one token at a time over <paramref name="period"/>: the
    /// same average as a fixed window, but the lease's Retry-After is the wait for the next token, not the whole
    /// window, and a refused client is not locked out until the window ends.
    /// </summary>
    private static RateLimitPartition<string> Partition(HardeningOptions options, string key, int permits, TimeSpan period)
    {
        if (!options.RateLimitingEnabled)
        {
            // One shared key: without a limit there is nothing to keep per client.
            return RateLimitPartition.GetNoLimiter("unlimited");
        }
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period / permits,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
