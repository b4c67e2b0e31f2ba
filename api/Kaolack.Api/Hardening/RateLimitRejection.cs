using System.Globalization;
using System.Threading.RateLimiting;
using Kaolack.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Hardening;

/// <summary>The 429 answer: a problem like every other refusal, so clients handle it with the same code path.</summary>
public static class RateLimitRejection
{
    public const string Code = "rate-limited";

    public const string Title = "Trop de tentatives, réessayez dans un instant.";

    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;

        string? detail = null;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            // Whole seconds (RFC 9110), rounded up and at least 1: "0" would invite an immediate retry that fails again.
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Nouvel essai possible dans {seconds} s.";
        }
        if (http.GetEndpoint()?.Metadata.GetMetadata<CreationQuota>() is not null
            && http.RequestServices.GetService<IOptions<HardeningOptions>>() is { } hardening)
        {
            detail = $"{detail} Au plus {hardening.Value.CreationPermitsPerHour} créations de ce genre par heure et par compte.".Trim();
        }

        http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(RateLimitRejection))
            .LogInformation("Rate limited {Method} {Path}", http.Request.Method, http.Request.Path);

        var problem = Problems.Create(StatusCodes.Status429TooManyRequests, Code, Title, detail);
        var problems = http.RequestServices.GetService<IProblemDetailsService>();
        if (problems is not null && await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            return;
        }
        // No problem details service, or it declined (an Accept header without JSON): the client still gets the code.
        await http.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), options: null, contentType: "application/problem+json", cancellationToken);
    }
}
