using System.Text;
using Kaolack.Api.Auth;
using Kaolack.Api.Hardening;
using Kaolack.Api.Http;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Common;
using Kaolack.Grains.Workshops;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Workshops;

/// <summary>
/// Workshops over REST: list, create (also as a copy of another), read, edit, delete, join by code (guests get a session
/// for that one workshop; each address tries codes at a bounded pace, and a guest does not make more guests), the summary
/// (as data for the printable page, Markdown and CSV), and the coaches' templates. The live session itself runs over the
/// hub (SendWorkshopCommand, topic "workshop:{id}").
/// </summary>
public static class WorkshopEndpoints
{
    /// <summary>A guest's session outlives a long workshop day, not more.</summary>
    public static readonly TimeSpan GuestSessionLifetime = TimeSpan.FromHours(12);

    private const string DisplayName = "L'atelier";

    public static RouteGroupBuilder MapWorkshopEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workshops").WithTags("workshops");

        group.MapGet("/", List).Describe("list-workshops", "Every workshop, soonest first (dates are UTC instants).");
        group.MapPost("/", Create).Describe("create-workshop",
            "Coaches and admins; the creator becomes its coach and a join code is drawn.", Status400BadRequest, Status403Forbidden);
        group.MapGet("/{id}", Get).RequireAuthorization(AuthSchemes.ParticipantPolicy).Describe("get-workshop",
            "The workshop and its whole live session, as the caller may see it (its guests too).", Status403Forbidden, Status404NotFound);
        group.MapPut("/{id}", Update).Describe("update-workshop",
            "Its coaches and admins; If-Match must carry the ETag that was read.",
            Status400BadRequest, Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapDelete("/{id}", Delete).Describe("delete-workshop",
            "Its coaches and admins; the code is freed and guests' sessions end.",
            Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapPost("/join", Join).AllowAnonymous().Describe("join-workshop",
            "By join code: a guest (no account) gets a session for this workshop only; an account just learns the workshop id.",
            Status400BadRequest, Status404NotFound, Status422UnprocessableEntity);
        group.MapPost("/{id}/copies", Copy).Describe("copy-workshop",
            "Coaches and admins: a new workshop with these details and the copied workshop's polls (as drafts) and board columns.",
            Status400BadRequest, Status403Forbidden, Status404NotFound);
        group.MapGet("/{id}/summary", SummaryData).Describe("workshop-summary",
            "The summary as data for the printable page: names, the project's title, agenda, who came, results, board, questions, notes.",
            Status403Forbidden, Status404NotFound);
        group.MapGet("/{id}/summary.md", SummaryMarkdown).Describe("workshop-summary-markdown",
            "Agenda, attendance, poll results and the board with its dots, in Markdown.", Status404NotFound);
        group.MapGet("/{id}/summary.csv", SummaryCsv).Describe("workshop-summary-csv",
            "The same summary as CSV rows: section, subject, detail, value.", Status404NotFound);

        var templates = app.MapGroup("/api/workshop-templates").WithTags("workshops");
        templates.MapGet("/", ListTemplates).Describe("list-workshop-templates", "Coaches and admins: the shared templates, by name.", Status403Forbidden);
        templates.MapPost("/", SaveTemplate).Describe("save-workshop-template",
            "Coaches and admins: saves a workshop they read as a template (its outline: agenda, polls, columns).",
            Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict, Status422UnprocessableEntity);
        templates.MapDelete("/{templateId}", DeleteTemplate).Describe("delete-workshop-template",
            "The template's author and admins.", Status403Forbidden, Status404NotFound);
        templates.MapPost("/{templateId}/workshops", StartFromTemplate).Describe("start-workshop-from-template",
            "Coaches and admins: a new workshop with these details and the template's polls (as drafts) and board columns.",
            Status400BadRequest, Status403Forbidden, Status404NotFound);

        return group;
    }

    private static async Task<Ok<WorkshopListing[]>> List(IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await grains.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key).List(user.ToCaller()));

    private static async Task<Created<WorkshopView>> Create(WorkshopDetails details, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var workshop = await Workshop(grains, JoinCodes.NewWorkshopId()).Create(user.ToCaller(), details, null);
        return ETags.Created(response, "/api/workshops", workshop, workshop.Meta);
    }

    private static async Task<Ok<WorkshopView>> Get(string id, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var workshop = await Workshop(grains, id).Get(user.ToCaller()) ?? throw new EntityNotFoundException(DisplayName);
        return ETags.Ok(response, workshop, workshop.Meta);
    }

    private static async Task<Ok<WorkshopView>> Update(string id, WorkshopDetails details, IGrainFactory grains, ClaimsPrincipal user, HttpContext http)
    {
        var workshop = await Workshop(grains, id).Update(user.ToCaller(), details, ETags.RequiredVersion(http.Request));
        return ETags.Ok(http.Response, workshop, workshop.Meta);
    }

    private static async Task<NoContent> Delete(string id, IGrainFactory grains, ClaimsPrincipal user, HttpRequest request)
    {
        await Workshop(grains, id).Delete(user.ToCaller(), ETags.RequiredVersion(request));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<JoinAnswer>, ProblemHttpResult>> Join(JoinRequest request, [FromQuery] bool? useCookies, IGrainFactory grains,
        ClaimsPrincipal user, HttpContext http, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        // Every attempt counts, found or not: a few dozen at once from one address, then about one a minute.
        if (await grains.GetGrain<IJoinAttemptsGrain>(ClientPartition.ByAddress(http)).Attempt() is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(Problems.Create(StatusCodes.Status429TooManyRequests, RateLimitRejection.Code, RateLimitRejection.Title,
                $"Nouvel essai possible dans {seconds} s."));
        }
        var code = JoinCodes.Normalize(request.Code) ?? throw new EntityNotFoundException("Le code");
        var workshopId = await grains.GetGrain<IWorkshopCodeGrain>(code).WorkshopId() ?? throw new EntityNotFoundException("Le code");
        if (user.Identity?.IsAuthenticated == true)
        {
            if (!user.IsGuest())
            {
                // Accounts take part as themselves: the code only says where.
                return TypedResults.Ok(new JoinAnswer(workshopId, null, null, null, null));
            }
            // A guest is one already, of one workshop: they do not make more guests (nor a fresh allowance each).
            var guestId = user.ToCaller().UserId;
            AccessPolicy.Require(guestId.StartsWith($"{Caller.GuestPrefix}{workshopId}:", StringComparison.Ordinal),
                "Vous êtes invité·e d'un autre atelier : quittez-le avant d'en rejoindre un autre.");
            return TypedResults.Ok(new JoinAnswer(workshopId, guestId, user.FindFirstValue(ClaimTypes.Name), null, null));
        }
        var guest = await Workshop(grains, workshopId).AdmitGuest(request.DisplayName ?? "");
        var expires = clock.GetUtcNow() + GuestSessionLifetime;
        if (useCookies == true)
        {
            await http.SignInAsync(AuthSchemes.Cookie, KaolackClaims.ForGuest(guest, AuthSchemes.Cookie),
                new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = true, AllowRefresh = false });
            return TypedResults.Ok(new JoinAnswer(workshopId, guest.GuestId, guest.DisplayName, null, null));
        }
        var options = bearer.Get(AuthSchemes.Bearer);
        var lifetime = options.BearerTokenExpiration < GuestSessionLifetime ? options.BearerTokenExpiration : GuestSessionLifetime;
        var ticket = new AuthenticationTicket(KaolackClaims.ForGuest(guest, AuthSchemes.Bearer),
            new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + lifetime }, AuthSchemes.Bearer);
        return TypedResults.Ok(new JoinAnswer(workshopId, guest.GuestId, guest.DisplayName,
            options.BearerTokenProtector.Protect(ticket), (long)lifetime.TotalSeconds));
    }

    private static async Task<Created<WorkshopView>> Copy(string id, WorkshopDetails details, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var caller = user.ToCaller();
        var outline = await Workshop(grains, id).Outline(caller);
        return await CreateFrom(grains, caller, details, outline, response);
    }

    private static async Task<Ok<WorkshopSummary>> SummaryData(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Workshop(grains, id).SummaryOf(user.ToCaller()));

    private static async Task<Ok<WorkshopTemplate[]>> ListTemplates(IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Templates(grains).List(user.ToCaller()));

    private static async Task<Created<WorkshopTemplate>> SaveTemplate(TemplateRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.ToCaller();
        var outline = await Workshop(grains, request.WorkshopId ?? "").Outline(caller);
        var template = await Templates(grains).Save(caller, request.Name, user.FindFirstValue(ClaimTypes.Name) ?? caller.UserId, outline);
        return TypedResults.Created($"/api/workshop-templates/{template.Id}", template);
    }

    private static async Task<NoContent> DeleteTemplate(string templateId, IGrainFactory grains, ClaimsPrincipal user)
    {
        await Templates(grains).Delete(user.ToCaller(), templateId);
        return TypedResults.NoContent();
    }

    private static async Task<Created<WorkshopView>> StartFromTemplate(string templateId, WorkshopDetails details, IGrainFactory grains, ClaimsPrincipal user,
        HttpResponse response)
    {
        var caller = user.ToCaller();
        var template = await Templates(grains).Get(caller, templateId) ?? throw new EntityNotFoundException("Le modèle");
        return await CreateFrom(grains, caller, details, template.Outline, response);
    }

    private static async Task<Created<WorkshopView>> CreateFrom(IGrainFactory grains, Caller caller, WorkshopDetails details, WorkshopOutline outline, HttpResponse response)
    {
        var workshop = await Workshop(grains, JoinCodes.NewWorkshopId()).Create(caller, details, outline);
        return ETags.Created(response, "/api/workshops", workshop, workshop.Meta);
    }

    private static IWorkshopTemplatesGrain Templates(IGrainFactory grains) => grains.GetGrain<IWorkshopTemplatesGrain>(IWorkshopTemplatesGrain.Key);

    private static Task<ContentHttpResult> SummaryMarkdown(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        Summary(grains, id, user, SummaryFormat.Markdown, "text/markdown; charset=utf-8");

    private static Task<ContentHttpResult> SummaryCsv(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        Summary(grains, id, user, SummaryFormat.Csv, "text/csv; charset=utf-8");

    private static async Task<ContentHttpResult> Summary(IGrainFactory grains, string id, ClaimsPrincipal user, SummaryFormat format, string contentType) =>
        TypedResults.Text(await Workshop(grains, id).Summary(user.ToCaller(), format), contentType, Encoding.UTF8);

    private static IWorkshopGrain Workshop(IGrainFactory grains, string id) =>
        Contracts.Common.Slug.IsValid(id) ? grains.GetGrain<IWorkshopGrain>(id) : throw new EntityNotFoundException(DisplayName);
}
