using Kaolack.Api.Auth;
using Kaolack.Api.Http;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Common;
using Microsoft.AspNetCore.Mvc;

namespace Kaolack.Api.Dashboard;

/// <summary>Read-only dashboards: every signed-in account reads them, and sees in the tables only the projects it may read.</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboard").WithTags("dashboard");

        group.MapGet("/", Get).Describe("get-dashboard",
            "Programme indicators, daily progress and the projects table, filtered by region, status, value chain and period.", Status400BadRequest);
        group.MapGet("/projects.csv", ExportProjects).Describe("export-dashboard-projects",
            "The projects table of GET /api/dashboard as CSV (\";\"-separated, UTF-8 with BOM), one row per project and currency, " +
            "labelled in ?lang=fr (default) or en.", Status400BadRequest);
        group.MapGet("/indicators.csv", ExportIndicators).Describe("export-dashboard-indicators",
            "The indicators of GET /api/dashboard as CSV rows indicator;detail;value;currency (\";\"-separated, UTF-8 with BOM), " +
            "labelled in ?lang=fr (default) or en.", Status400BadRequest);
        app.MapGet("/api/projects/{slug}/summary", GetProjectSummary).WithTags("dashboard").Describe("get-project-summary",
            "The project's dashboard summary: status, partners per region, milestones, tasks, budget, pledges, last activity.",
            Status403Forbidden, Status404NotFound);

        return app;
    }

    private static async Task<Ok<ProgrammeDashboard>> Get([AsParameters] DashboardQuery query, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Read(grains, user, query));

    private static async Task<FileContentHttpResult> ExportProjects(
        [AsParameters] DashboardQuery query, [FromQuery] string? lang, IGrainFactory grains, ClaimsPrincipal user)
    {
        var labels = ExportLabels.For(lang);
        return TypedResults.File(Csv.Encode(DashboardExports.Projects(await Read(grains, user, query), labels)), Csv.ContentType, "projets-kaolack-oriental.csv");
    }

    private static async Task<FileContentHttpResult> ExportIndicators(
        [AsParameters] DashboardQuery query, [FromQuery] string? lang, IGrainFactory grains, ClaimsPrincipal user)
    {
        var labels = ExportLabels.For(lang);
        return TypedResults.File(Csv.Encode(DashboardExports.Indicators((await Read(grains, user, query)).Indicators, labels)), Csv.ContentType,
            "indicateurs-kaolack-oriental.csv");
    }

    private static async Task<Ok<ProjectSummary>> GetProjectSummary(string slug, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await grains.GetGrain<IProjectSummaryGrain>(slug).Get(user.ToCaller()) ?? throw new EntityNotFoundException("Le projet"));

    private static Task<ProgrammeDashboard> Read(IGrainFactory grains, ClaimsPrincipal user, DashboardQuery query)
    {
        var filter = query.ToFilter();
        return grains.GetGrain<IProgrammeDashboardGrain>(IProgrammeDashboardGrain.Key).Get(user.ToCaller(), filter);
    }
}
