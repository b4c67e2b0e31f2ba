using System.Text.Json;
using Kaolack.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaolack.Api.Health;

/// <summary>
/// Writes a health answer as JSON: to anyone, only the overall status (what a load balancer needs); to an administrator,
/// each check with its description, data and duration, which name silos, plans and the storage account.
/// </summary>
public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var status = report.Status.ToString();
        object body = await IsAdmin(context)
            ? new
            {
                status,
                durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new
                    {
                        status = entry.Value.Status.ToString(),
                        description = entry.Value.Description,
                        durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                        error = entry.Value.Exception?.GetType().Name,
                        data = entry.Value.Data.Count == 0 ? null : entry.Value.Data,
                    }),
            }
            : new { status };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    private static async Task<bool> IsAdmin(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && (await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, AuthSchemes.AdminPolicy)).Succeeded;
}
