using System.Security.Claims;
using Kaolack.Api.Auth;
using Kaolack.Api.Directory;
using Kaolack.Api.Entities;
using Kaolack.Api.Http;
using Kaolack.Api.Plans;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaolack.Api.Projects;

public static class ProjectEndpoints
{
    private const string DisplayName = "Le projet";

    private const int DefaultHistoryPage = 50;

    public static RouteGroupBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("projects");

        group.MapGet("/", ([AsParameters] ListQuery query, [FromQuery] string? status, IGrainFactory grains, ClaimsPrincipal user) =>
                DirectoryEndpoints.Search(grains, user.ToCaller(), EntityKind.Project, query.ToDirectoryQuery() with
                {
                    Status = JsonEnum.ParseOptional<ProjectStatus>(status, "status"),
                }))
            .WithName("list-projects")
            .WithSummary("Search projects: free text, partner region, value chain, status, paging.")
            .ProducesValidationProblem();

        group.MapGet("/{slug}", async Task<Ok<JointProject>> (string slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
                Respond(response, await Project(grains, slug).Get(user.ToCaller()) ?? throw new EntityNotFoundException(DisplayName)))
            .WithName("get-project")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<JointProject>> (ProjectCharter charter, [FromQuery] string? slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
            {
                var caller = user.ToCaller();
                var project = await SlugAllocation.Create(slug, charter.Title, "projet", s => Project(grains, s).Create(caller, charter));
                ETags.Set(response, project.Meta.Version);
                return TypedResults.Created($"/api/projects/{project.Meta.Slug}", project);
            })
            .WithName("create-project")
            .WithSummary("Proposes a project; the slug comes from the title unless ?slug= is given.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{slug}", async Task<Ok<JointProject>> (string slug, ProjectCharter charter, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
                Respond(http.Response, await Project(grains, slug).Update(user.ToCaller(), charter, ETags.RequiredVersion(http.Request))))
            .WithName("update-project")
            .WithSummary("Replaces the charter; If-Match must carry the ETag that was read.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{slug}", async Task<NoContent> (string slug, IGrainFactory grains, ClaimsPrincipal user, HttpRequest request) =>
            {
                await Project(grains, slug).Delete(user.ToCaller(), ETags.RequiredVersion(request));
                return TypedResults.NoContent();
            })
            .WithName("delete-project")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{slug}/status", async Task<Ok<JointProject>> (string slug, StatusChange change, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
                Respond(http.Response, await Project(grains, slug).ChangeStatus(user.ToCaller(), change.Status, ETags.OptionalVersion(http.Request))))
            .WithName("change-project-status")
            .WithSummary("Moves the project through its life; it becomes active only with partners from both regions (422 otherwise).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{slug}/partners", async Task<Ok<JointProject>> (string slug, PartnerRef partner, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
                Respond(http.Response, await Project(grains, slug).AddPartner(user.ToCaller(), partner, ETags.OptionalVersion(http.Request))))
            .WithName("add-project-partner")
            .WithSummary("Adds a cooperative or diaspora group as partner (no change if it already is one).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{slug}/partners/{kind}/{partnerSlug}", async Task<Ok<JointProject>> (string slug, string kind, string partnerSlug, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            {
                if (!EntityKindNames.TryParseSingular(kind, out var partnerKind) || partnerKind == EntityKind.Project)
                {
                    throw new ValidationFailedException("kind", "Attendu : cooperative ou diaspora-group.");
                }
                var partner = new PartnerRef(partnerKind, partnerSlug);
                return Respond(http.Response, await Project(grains, slug).RemovePartner(user.ToCaller(), partner, ETags.OptionalVersion(http.Request)));
            })
            .WithName("remove-project-partner")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{slug}/contributions", async Task<Ok<JointProject>> (string slug, ContributionInput contribution, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
                Respond(http.Response, await Project(grains, slug).AddContribution(user.ToCaller(), contribution, ETags.OptionalVersion(http.Request))))
            .WithName("add-project-contribution")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/plan", async Task<Ok<PlanSnapshot>> (string slug, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await Plan(grains, slug).GetSnapshot(user.ToCaller())))
            .WithName("get-project-plan")
            .WithSummary("The plan document at its latest durable version; edit it live through the hub (SubmitPlanOp).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/plan/history", async Task<Ok<PlanHistoryPage>> (string slug, [FromQuery] string? entity, [FromQuery] long? before, [FromQuery] int? limit, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await Plan(grains, slug).GetHistory(user.ToCaller(), entity ?? "", before, limit ?? DefaultHistoryPage)))
            .WithName("get-project-plan-history")
            .WithSummary("Who changed one plan entity (?entity={id}), when, newest first; ?before={nextBefore} pages, ?limit= at most 200 (50 by default).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/plan/versions", async Task<Ok<PlanVersionInfo[]>> (string slug, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await Plan(grains, slug).ListVersions(user.ToCaller())))
            .WithName("list-project-plan-versions")
            .WithSummary("The plan's named versions, oldest first.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{slug}/plan/versions", async Task<Created<PlanVersionInfo>> (string slug, PlanVersionRequest request, IGrainFactory grains, ClaimsPrincipal user) =>
            {
                var info = await Plan(grains, slug).SaveVersion(user.ToCaller(), request.Name ?? "");
                return TypedResults.Created($"/api/projects/{slug}/plan/versions/{info.Id}", info);
            })
            .WithName("save-project-plan-version")
            .WithSummary("Saves the plan as it is now under a name (1–80 characters); a name already used in the plan is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{slug}/plan/versions/{id}", async Task<Ok<PlanVersionView>> (string slug, string id, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await Plan(grains, slug).GetVersion(user.ToCaller(), VersionId(id))))
            .WithName("get-project-plan-version")
            .WithSummary("A named version and the plan document as it was saved.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{slug}/plan/versions/{id}/restore", async Task<Ok<PlanSnapshot>> (string slug, string id, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await Plan(grains, slug).RestoreVersion(user.ToCaller(), VersionId(id))))
            .WithName("restore-project-plan-version")
            .WithSummary("Makes the plan what the named version saved, as a new edit every live client receives; answers the plan once stored.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{slug}/invitations", async Task<Created<InvitationLink>> (string slug, InvitationRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpRequest http) =>
            {
                var ticket = await Project(grains, slug).Invite(user.ToCaller(), request.Email, request.Role);
                var link = $"{http.Scheme}://{http.Host}/#/invitation/{Uri.EscapeDataString(ticket.Token)}";
                return TypedResults.Created($"/api/invitations/{Uri.EscapeDataString(ticket.Token)}", new InvitationLink(ticket.Token, link, ticket.Email, ticket.Role, ticket.ExpiresAt));
            })
            .WithName("invite-project-member")
            .WithSummary("Owners invite by e-mail; the answer holds a single-use link to share (no mail is sent).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{slug}/members/{email}", async Task<Ok<JointProject>> (string slug, string email, RoleChange change, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
                Respond(response, await Project(grains, slug).ChangeMemberRole(user.ToCaller(), email, change.Role)))
            .WithName("change-project-member-role")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{slug}/members/{email}", async Task<Ok<JointProject>> (string slug, string email, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
                Respond(response, await Project(grains, slug).RemoveMember(user.ToCaller(), email)))
            .WithName("remove-project-member")
            .WithSummary("Owners remove members; members leave; the last owner cannot go (422).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static IJointProjectGrain Project(IGrainFactory grains, string slug) => grains.GetGrain<IJointProjectGrain>(slug);

    private static IPlanDocumentGrain Plan(IGrainFactory grains, string slug) => grains.GetGrain<IPlanDocumentGrain>(slug);

    /// <summary>Named versions are numbered from 1; anything else names no version.</summary>
    private static long VersionId(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new EntityNotFoundException("La version nommée");

    private static Ok<JointProject> Respond(HttpResponse response, JointProject project)
    {
        ETags.Set(response, project.Meta.Version);
        return TypedResults.Ok(project);
    }
}
