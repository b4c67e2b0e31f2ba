using System.Security.Claims;
using Kaolack.Api.Auth;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kaolack.Api.Dashboard;

/// <summary>Read-only dashboards: every signed-in account reads them, and sees in the tables only the projects it may read.</summary>
public static class DashboardEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboard").WithTags("dashboard");

        group.MapGet("/", async Task<Ok<ProgrammeDashboard>> ([AsParameters] DashboardQuery query, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await Read(grains, user, query)))
            .WithName("get-dashboard")
            .WithSummary("Programme indicators, daily progress and the projects table, filtered by region, status, value chain and period.")
            .ProducesValidationProblem();

        group.MapGet("/projects.csv", async Task<FileContentHttpResult> ([AsParameters] DashboardQuery query, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.File(Csv.Encode(DashboardExports.Projects(await Read(grains, user, query))), CsvContentType, "projets-kaolack-oriental.csv"))
            .WithName("export-dashboard-projects")
            .WithSummary("The projects table of GET /api/dashboard as CSV (RFC 4180, UTF-8 with BOM).")
            .ProducesValidationProblem();

        group.MapGet("/indicators.csv", async Task<FileContentHttpResult> ([AsParameters] DashboardQuery query, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.File(Csv.Encode(DashboardExports.Indicators((await Read(grains, user, query)).Indicators)), CsvContentType, "indicateurs-kaolack-oriental.csv"))
            .WithName("export-dashboard-indicators")
            .WithSummary("The indicators of GET /api/dashboard as CSV rows indicator,key,value (RFC 4180, UTF-8 with BOM).")
            .ProducesValidationProblem();

        app.MapGet("/api/projects/{slug}/summary", async Task<Ok<ProjectSummary>> (string slug, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await grains.GetGrain<IProjectSummaryGrain>(slug).Get(user.ToCaller()) ?? throw new EntityNotFoundException("Le projet")))
            .WithTags("dashboard")
            .WithName("get-project-summary")
            .WithSummary("The project's dashboard summary: status, partners per region, milestones, tasks, budget, pledges, last activity.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Task<ProgrammeDashboard> Read(IGrainFactory grains, ClaimsPrincipal user, DashboardQuery query)
    {
        var filter = query.ToFilter();
        return grains.GetGrain<IProgrammeDashboardGrain>(IProgrammeDashboardGrain.Key).Get(user.ToCaller(), filter);
    }
}
