using Kaolack.Api.Http;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaolack.Api.Endpoints;

public static class ProjectEndpoints
{
    private const string DisplayName = "Le projet";

    public static RouteGroupBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("projects");

        group.MapGet("/", ([AsParameters] ListQuery query, [FromQuery] string? status, IGrainFactory grains) =>
                DirectoryEndpoints.Search(grains, EntityKind.Project, query.ToDirectoryQuery() with
                {
                    Status = JsonEnum.ParseOptional<ProjectStatus>(status, "status"),
                }))
            .WithName("list-projects")
            .WithSummary("Search projects: free text, partner region, value chain, status, paging.")
            .ProducesValidationProblem();

        group.MapGet("/{slug}", async Task<Ok<JointProject>> (string slug, IGrainFactory grains, HttpResponse response) =>
                Respond(response, await Project(grains, slug).Get() ?? throw new EntityNotFoundException(DisplayName)))
            .WithName("get-project")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<JointProject>> (ProjectCharter charter, [FromQuery] string? slug, IGrainFactory grains, HttpResponse response) =>
            {
                var project = await SlugAllocation.Create(slug, charter.Title, "projet", s => Project(grains, s).Create(charter));
                ETags.Set(response, project.Meta.Version);
                return TypedResults.Created($"/api/projects/{project.Meta.Slug}", project);
            })
            .WithName("create-project")
            .WithSummary("Proposes a project; the slug comes from the title unless ?slug= is given.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{slug}", async Task<Ok<JointProject>> (string slug, ProjectCharter charter, IGrainFactory grains, HttpContext http) =>
                Respond(http.Response, await Project(grains, slug).Update(charter, ETags.RequiredVersion(http.Request))))
            .WithName("update-project")
            .WithSummary("Replaces the charter; If-Match must carry the ETag that was read.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{slug}", async Task<NoContent> (string slug, IGrainFactory grains, HttpRequest request) =>
            {
                await Project(grains, slug).Delete(ETags.RequiredVersion(request));
                return TypedResults.NoContent();
            })
            .WithName("delete-project")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{slug}/status", async Task<Ok<JointProject>> (string slug, StatusChange change, IGrainFactory grains, HttpContext http) =>
                Respond(http.Response, await Project(grains, slug).ChangeStatus(change.Status, ETags.OptionalVersion(http.Request))))
            .WithName("change-project-status")
            .WithSummary("Moves the project through its life; it becomes active only with partners from both regions (422 otherwise).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{slug}/partners", async Task<Ok<JointProject>> (string slug, PartnerRef partner, IGrainFactory grains, HttpContext http) =>
                Respond(http.Response, await Project(grains, slug).AddPartner(partner, ETags.OptionalVersion(http.Request))))
            .WithName("add-project-partner")
            .WithSummary("Adds a cooperative or diaspora group as partner (no change if it already is one).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{slug}/partners/{kind}/{partnerSlug}", async Task<Ok<JointProject>> (string slug, string kind, string partnerSlug, IGrainFactory grains, HttpContext http) =>
            {
                if (!EntityKindNames.TryParseSingular(kind, out var partnerKind) || partnerKind == EntityKind.Project)
                {
                    throw new ValidationFailedException("kind", "Attendu : cooperative ou diaspora-group.");
                }
                var partner = new PartnerRef(partnerKind, partnerSlug);
                return Respond(http.Response, await Project(grains, slug).RemovePartner(partner, ETags.OptionalVersion(http.Request)));
            })
            .WithName("remove-project-partner")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{slug}/contributions", async Task<Ok<JointProject>> (string slug, ContributionInput contribution, IGrainFactory grains, HttpContext http) =>
                Respond(http.Response, await Project(grains, slug).AddContribution(contribution, ETags.OptionalVersion(http.Request))))
            .WithName("add-project-contribution")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static IJointProjectGrain Project(IGrainFactory grains, string slug) => grains.GetGrain<IJointProjectGrain>(slug);

    private static Ok<JointProject> Respond(HttpResponse response, JointProject project)
    {
        ETags.Set(response, project.Meta.Version);
        return TypedResults.Ok(project);
    }
}
