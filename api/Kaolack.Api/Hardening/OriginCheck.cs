using Kaolack.Api.Http;
using Kaolack.Api.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Hardening;

/// <summary>
/// Refuses requests a page of another origin makes with the visitor's session: the live hub (its negotiation and its
/// WebSocket upgrade, whatever the method) and every write (POST, PUT, PATCH, DELETE) that does not carry a bearer token,
/// since only a cookie rides along on its own. Browsers always send an Origin on those; it must be this server's own
/// (scheme, host and port as the request reached it) or one of <see cref="HardeningOptions.AllowedOrigins"/>. A page on
/// another port of the same host is another origin: the session cookie (SameSite=Lax) would still go with its requests,
/// which is what this closes. Requests without an Origin (other programs, which hold no one's cookie) pass.
/// </summary>
public sealed partial class OriginCheck(RequestDelegate next, IOptions<HardeningOptions> options, ILogger<OriginCheck> logger)
{
    public const string Code = "cross-origin";

    private static readonly string[] WriteMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var origins = request.Headers.Origin;
        if (!Guarded(request) || origins.Count == 0 || (origins.Count == 1 && Allowed(request, origins[0])))
        {
            await next(context);
            return;
        }
        await Refuse(context, origins.ToString());
    }

    private static bool Guarded(HttpRequest request) =>
        request.Path.StartsWithSegments(LiveHub.Path)
        || (WriteMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase));

    private bool Allowed(HttpRequest request, string? origin)
    {
        if (origin is null || !Uri.TryCreate(origin, UriKind.Absolute, out var from) || from.AbsolutePath != "/")
        {
            // "null" (sandboxed frames, local files) and anything that is not an origin.
            return false;
        }
        return SameOrigin(from, $"{request.Scheme}://{request.Host}")
            || options.Value.AllowedOrigins.Any(allowed => SameOrigin(from, allowed));
    }

    private static bool SameOrigin(Uri from, string other) =>
        Uri.TryCreate(other, UriKind.Absolute, out var to)
        && string.Equals(from.Scheme, to.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(from.IdnHost, to.IdnHost, StringComparison.OrdinalIgnoreCase)
        && from.Port == to.Port;

    private async Task Refuse(HttpContext context, string origin)
    {
        LogRefused(context.Request.Method, context.Request.Path, origin);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = Problems.Create(StatusCodes.Status403Forbidden, Code, "Requête venue d'un autre site : refusée.",
            "Cette action n'est acceptée que depuis les pages de la plateforme.");
        var problems = context.RequestServices.GetService<IProblemDetailsService>();
        if (problems is null || !await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), options: null, contentType: "application/problem+json");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} from origin {Origin}")]
    private partial void LogRefused(string method, string path, string origin);
}
