using Scalar.AspNetCore;

namespace Kaolack.Api.Hardening;

/// <summary>
/// Browser-side defences on every response: no MIME sniffing, no framing, no leaking full URLs to other sites, no
/// camera/microphone/location, and a Content-Security-Policy that allows only this origin's own scripts.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ScalarPath = "/scalar";

    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// The front end and the API: scripts only from files on this origin (the Vite build emits no inline script),
    /// inline styles allowed because Preact and chart.js set style attributes.
    /// </summary>
    public const string DefaultPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; " + Lockdown;

    /// <summary>
    /// Orleans.Dashboard 10.4.2 loads one module script and one stylesheet from /dashboard/ (no inline script, checked
    /// in a browser); its Font Awesome build embeds one font as a data: URL.
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; " + Lockdown;

    /// <summary>Frames, base URL hijacking, form posts elsewhere and plugins stay forbidden on every page, relaxed or not.</summary>
    private const string Lockdown = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Decided from the path as received: an error handler that re-executes another path must not change the policy.
        var path = context.Request.Path;
        context.Response.OnStarting(() =>
        {
            Apply(context, path);
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// Scalar 2.19.0's page boots with one inline module script (plus scalar.js and scalar.aspnetcore.js from
    /// /scalar/). With <c>WithNonce()</c> in MapScalarApiReference that script carries a per-request nonce and only it
    /// may run; without, inline scripts are allowed on this page only. Blob images are its response previews.
    /// Everything else stays on this origin, so Scalar's CDN fonts and its proxy.scalar.com request proxy are refused.
    /// </summary>
    public static string ScalarPolicy(string? nonce) =>
        "default-src 'self'; " +
        (string.IsNullOrEmpty(nonce) ? "script-src 'self' 'unsafe-inline'; " : $"script-src 'self' 'nonce-{nonce}'; ") +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " + Lockdown;

    private static void Apply(HttpContext context, PathString path)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Always overwritten: one place decides the policy, so no endpoint can loosen it by accident.
        headers.ContentSecurityPolicy = PolicyFor(context, path);
    }

    private static string PolicyFor(HttpContext context, PathString path)
    {
        if (path.StartsWithSegments(ScalarPath, StringComparison.OrdinalIgnoreCase))
        {
            return ScalarPolicy(context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null);
        }
        if (path.StartsWithSegments(DashboardPath, StringComparison.OrdinalIgnoreCase))
        {
            return DashboardPolicy;
        }
        return DefaultPolicy;
    }
}
