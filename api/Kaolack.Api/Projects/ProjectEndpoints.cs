using Kaolack.Api.Auth;
using Kaolack.Api.Directory;
using Kaolack.Api.Entities;
using Kaolack.Api.Hardening;
using Kaolack.Api.Http;
using Kaolack.Api.Mail;
using Kaolack.Api.Plans;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Microsoft.AspNetCore.Mvc;

namespace Kaolack.Api.Projects;

/// <summary>Joint projects: the charter, status, partners, contributions, team, and the plan's durable reads and named versions.</summary>
public static class ProjectEndpoints
{
    private const string DisplayName = "Le projet";

    private const int DefaultHistoryPage = 50;

    public static RouteGroupBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("projects");

        group.MapGet("/", List).Describe("list-projects",
            "Search projects: free text, partner region, value chain, status, paging.", Status400BadRequest);
        group.MapGet("/{slug}", Get).Describe("get-project", null, Status404NotFound);
        group.MapPost("/", Create).RequireCreationQuota().Describe("create-project",
            "Proposes a project; the slug comes from the title unless ?slug= is given.", Status400BadRequest, Status409Conflict);
        group.MapPut("/{slug}", Update).Describe("update-project",
            "Replaces the charter; If-Match must carry the ETag that was read.",
            Status400BadRequest, Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapDelete("/{slug}", Delete).Describe("delete-project", null,
            Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapPost("/{slug}/status", ChangeStatus).Describe("change-project-status",
            "Moves the project through its life; it becomes active only with partners from both regions (422 otherwise).",
            Status400BadRequest, Status404NotFound, Status422UnprocessableEntity);
        group.MapPost("/{slug}/partners", AddPartner).Describe("add-project-partner",
            "Adds a cooperative or diaspora group as partner (no change if it already is one).",
            Status400BadRequest, Status404NotFound, Status422UnprocessableEntity);
        group.MapDelete("/{slug}/partners/{kind}/{partnerSlug}", RemovePartner).Describe("remove-project-partner", null,
            Status404NotFound, Status422UnprocessableEntity);
        group.MapPost("/{slug}/contributions", AddContribution).Describe("add-project-contribution", null,
            Status400BadRequest, Status404NotFound);

        group.MapGet("/{slug}/plan", GetPlan).Describe("get-project-plan",
            "The plan document at its latest durable version; edit it live through the hub (SubmitPlanOp).",
            Status403Forbidden, Status404NotFound);
        group.MapGet("/{slug}/plan/history", GetPlanHistory).Describe("get-project-plan-history",
            "Who changed one plan entity (?entity={id}), when, newest first; ?before={nextBefore} pages, ?limit= at most 200 (50 by default).",
            Status400BadRequest, Status403Forbidden, Status404NotFound);
        group.MapGet("/{slug}/plan/versions", ListPlanVersions).Describe("list-project-plan-versions",
            "The plan's named versions, oldest first.", Status403Forbidden, Status404NotFound);
        group.MapPost("/{slug}/plan/versions", SavePlanVersion).RequireCreationQuota().Describe("save-project-plan-version",
            "Saves the plan as it is now under a name (1–80 characters); a name already used in the plan is 409.",
            Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapGet("/{slug}/plan/versions/{id}", GetPlanVersion).Describe("get-project-plan-version",
            "A named version and the plan document as it was saved.", Status403Forbidden, Status404NotFound);
        group.MapPost("/{slug}/plan/versions/{id}/restore", RestorePlanVersion).Describe("restore-project-plan-version",
            "Makes the plan what the named version saved, as a new edit every live client receives; answers the plan once stored.",
            Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);

        group.MapPost("/{slug}/invitations", Invite).Describe("invite-project-member",
            "Owners invite by e-mail: the invitation is e-mailed, in the invited account's language (the inviter's for a new address), " +
            "and the answer holds the same single-use link to share.",
            Status400BadRequest, Status403Forbidden, Status404NotFound);
        group.MapDelete("/{slug}/invitations/{id}", RevokeInvitation).Describe("revoke-project-invitation",
            "Owners withdraw a pending invitation (its id from /team): its link stops working.", Status403Forbidden, Status404NotFound);
        group.MapGet("/{slug}/team", GetTeam).Describe("get-project-team",
            "The members by name and organisation; for owners, the pending invitations too.", Status403Forbidden, Status404NotFound);
        group.MapPut("/{slug}/members/{email}", ChangeMemberRole).Describe("change-project-member-role", null,
            Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);
        group.MapDelete("/{slug}/members/{email}", RemoveMember).Describe("remove-project-member",
            "Owners remove members; members leave; the last owner cannot go (422).",
            Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);

        return group;
    }

    private static Task<DirectoryPage> List([AsParameters] ListQuery query, [FromQuery] string? status, IGrainFactory grains, ClaimsPrincipal user) =>
        DirectoryEndpoints.Search(grains, user.ToCaller(), EntityKind.Project, query.ToDirectoryQuery() with
        {
            Status = JsonEnum.ParseOptional<ProjectStatus>(status, "status"),
        });

    private static async Task<Ok<JointProject>> Get(string slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
        Respond(response, await Project(grains, slug).Get(user.ToCaller()) ?? throw new EntityNotFoundException(DisplayName));

    private static async Task<Created<JointProject>> Create(ProjectCharter charter, [FromQuery] string? slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var caller = user.ToCaller();
        var project = await SlugAllocation.Create(slug, charter.Title, "projet", s => Project(grains, s).Create(caller, charter));
        return ETags.Created(response, "/api/projects", project, project.Meta);
    }

    private static async Task<Ok<JointProject>> Update(string slug, ProjectCharter charter, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
        Respond(http.Response, await Project(grains, slug).Update(user.ToCaller(), charter, ETags.RequiredVersion(http.Request)));

    private static async Task<NoContent> Delete(string slug, IGrainFactory grains, ClaimsPrincipal user, HttpRequest request)
    {
        await Project(grains, slug).Delete(user.ToCaller(), ETags.RequiredVersion(request));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<JointProject>> ChangeStatus(string slug, StatusChange change, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
        Respond(http.Response, await Project(grains, slug).ChangeStatus(user.ToCaller(), change.Status, ETags.OptionalVersion(http.Request)));

    private static async Task<Ok<JointProject>> AddPartner(string slug, PartnerRef partner, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
        Respond(http.Response, await Project(grains, slug).AddPartner(user.ToCaller(), partner, ETags.OptionalVersion(http.Request)));

    private static async Task<Ok<JointProject>> RemovePartner(string slug, string kind, string partnerSlug, IGrainFactory grains, ClaimsPrincipal user, HttpContext http)
    {
        if (!EntityKindNames.TryParseSingular(kind, out var partnerKind) || partnerKind == EntityKind.Project)
        {
            throw new ValidationFailedException("kind", "Attendu : cooperative, diaspora-group ou organisation.");
        }
        var partner = new PartnerRef(partnerKind, partnerSlug);
        return Respond(http.Response, await Project(grains, slug).RemovePartner(user.ToCaller(), partner, ETags.OptionalVersion(http.Request)));
    }

    private static async Task<Ok<JointProject>> AddContribution(string slug, ContributionInput contribution, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
        Respond(http.Response, await Project(grains, slug).AddContribution(user.ToCaller(), contribution, ETags.OptionalVersion(http.Request)));

    private static async Task<Ok<PlanSnapshot>> GetPlan(string slug, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Plan(grains, slug).GetSnapshot(user.ToCaller()));

    private static async Task<Ok<PlanHistoryPage>> GetPlanHistory(
        string slug, [FromQuery] string? entity, [FromQuery] long? before, [FromQuery] int? limit, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Plan(grains, slug).GetHistory(user.ToCaller(), entity ?? "", before, limit ?? DefaultHistoryPage));

    private static async Task<Ok<PlanVersionInfo[]>> ListPlanVersions(string slug, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Plan(grains, slug).ListVersions(user.ToCaller()));

    private static async Task<Created<PlanVersionInfo>> SavePlanVersion(string slug, PlanVersionRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        var info = await Plan(grains, slug).SaveVersion(user.ToCaller(), request.Name ?? "");
        return TypedResults.Created($"/api/projects/{slug}/plan/versions/{info.Id}", info);
    }

    private static async Task<Ok<PlanVersionView>> GetPlanVersion(string slug, string id, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Plan(grains, slug).GetVersion(user.ToCaller(), VersionId(id)));

    private static async Task<Ok<PlanSnapshot>> RestorePlanVersion(string slug, string id, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Plan(grains, slug).RestoreVersion(user.ToCaller(), VersionId(id)));

    private static async Task<Created<InvitationLink>> Invite(string slug, InvitationRequest request, IGrainFactory grains, ClaimsPrincipal user,
        PublicLinks links, MailComposer composer, IMailSender mail)
    {
        var caller = user.ToCaller();
        var project = Project(grains, slug);
        var ticket = await project.Invite(caller, request.Email, request.Role);
        var title = (await project.Get(caller))?.Charter.Title ?? slug;
        var inviter = await grains.GetGrain<IUserGrain>(caller.UserId).Get();
        var invited = await grains.GetGrain<IUserGrain>(ticket.Email).Get();
        var language = invited?.Language ?? inviter?.Language ?? UiLanguage.Fr;
        await mail.Send(composer.Invitation(ticket.Email, language, invited?.DisplayName ?? ticket.Email, inviter?.DisplayName ?? caller.UserId,
            title, ticket.Role, ticket.Token, ticket.ExpiresAt));
        return TypedResults.Created($"/api/invitations/{Uri.EscapeDataString(ticket.Token)}",
            new InvitationLink(ticket.Token, links.Invitation(ticket.Token), ticket.Email, ticket.Role, ticket.ExpiresAt));
    }

    private static async Task<Ok<JointProject>> RevokeInvitation(string slug, string id, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
        Respond(response, await Project(grains, slug).RevokeInvitation(user.ToCaller(), id));

    private static async Task<Ok<TeamView>> GetTeam(string slug, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Project(grains, slug).GetTeam(user.ToCaller()));

    private static async Task<Ok<JointProject>> ChangeMemberRole(string slug, string email, RoleChange change, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
        Respond(response, await Project(grains, slug).ChangeMemberRole(user.ToCaller(), email, change.Role));

    private static async Task<Ok<JointProject>> RemoveMember(string slug, string email, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
        Respond(response, await Project(grains, slug).RemoveMember(user.ToCaller(), email));

    private static IJointProjectGrain Project(IGrainFactory grains, string slug) => grains.GetGrain<IJointProjectGrain>(slug);

    private static IPlanDocumentGrain Plan(IGrainFactory grains, string slug) => grains.GetGrain<IPlanDocumentGrain>(slug);

    /// <summary>Named versions are numbered from 1; anything else names no version.</summary>
    private static long VersionId(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new EntityNotFoundException("La version nommée");

    private static Ok<JointProject> Respond(HttpResponse response, JointProject project) => ETags.Ok(response, project, project.Meta);
}
