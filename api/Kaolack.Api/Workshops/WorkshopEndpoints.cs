using System.Security.Claims;
using System.Text;
using Kaolack.Api.Auth;
using Kaolack.Api.Http;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Workshops;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Workshops;

/// <summary>
/// Workshops over REST: list, create, read, edit, delete, join by code (guests get a session for that one workshop),
/// and the summary exports. The live session itself runs over the hub (SendWorkshopCommand, topic "workshop:{id}").
/// </summary>
public static class WorkshopEndpoints
{
    /// <summary>A guest's session outlives a long workshop day, not more.</summary>
    public static readonly TimeSpan GuestSessionLifetime = TimeSpan.FromHours(12);

    private const string DisplayName = "L'atelier";

    public static RouteGroupBuilder MapWorkshopEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workshops").WithTags("workshops");

        group.MapGet("/", async Task<Ok<WorkshopListing[]>> (IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await grains.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key).List(user.ToCaller())))
            .WithName("list-workshops")
            .WithSummary("Every workshop, soonest first (dates are UTC instants).");

        group.MapPost("/", async Task<Created<WorkshopView>> (WorkshopDetails details, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
            {
                var workshop = await Workshop(grains, JoinCodes.NewWorkshopId()).Create(user.ToCaller(), details);
                ETags.Set(response, workshop.Meta.Version);
                return TypedResults.Created($"/api/workshops/{workshop.Meta.Slug}", workshop);
            })
            .WithName("create-workshop")
            .WithSummary("Coaches and admins; the creator becomes its coach and a join code is drawn.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id}", async Task<Ok<WorkshopView>> (string id, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
            {
                var workshop = await Workshop(grains, id).Get(user.ToCaller()) ?? throw new EntityNotFoundException(DisplayName);
                ETags.Set(response, workshop.Meta.Version);
                return TypedResults.Ok(workshop);
            })
            .RequireAuthorization(AuthSchemes.ParticipantPolicy)
            .WithName("get-workshop")
            .WithSummary("The workshop and its whole live session, as the caller may see it (its guests too).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id}", async Task<Ok<WorkshopView>> (string id, WorkshopDetails details, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            {
                var workshop = await Workshop(grains, id).Update(user.ToCaller(), details, ETags.RequiredVersion(http.Request));
                ETags.Set(http.Response, workshop.Meta.Version);
                return TypedResults.Ok(workshop);
            })
            .WithName("update-workshop")
            .WithSummary("Its coaches and admins; If-Match must carry the ETag that was read.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{id}", async Task<NoContent> (string id, IGrainFactory grains, ClaimsPrincipal user, HttpRequest request) =>
            {
                await Workshop(grains, id).Delete(user.ToCaller(), ETags.RequiredVersion(request));
                return TypedResults.NoContent();
            })
            .WithName("delete-workshop")
            .WithSummary("Its coaches and admins; the code is freed and guests' sessions end.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/join", async Task<Ok<JoinAnswer>> (JoinRequest request, [FromQuery] bool? useCookies, IGrainFactory grains, ClaimsPrincipal user,
                HttpContext http, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock) =>
            {
                var code = JoinCodes.Normalize(request.Code) ?? throw new EntityNotFoundException("Le code");
                var workshopId = await grains.GetGrain<IWorkshopCodeGrain>(code).WorkshopId() ?? throw new EntityNotFoundException("Le code");
                if (user.Identity?.IsAuthenticated == true && !user.IsGuest())
                {
                    // Accounts take part as themselves: the code only says where.
                    return TypedResults.Ok(new JoinAnswer(workshopId, null, null, null, null));
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
            })
            .AllowAnonymous()
            .WithName("join-workshop")
            .WithSummary("By join code: a guest (no account) gets a session for this workshop only; an account just learns the workshop id.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id}/summary.md", async Task<ContentHttpResult> (string id, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Text(await Workshop(grains, id).Summary(user.ToCaller(), SummaryFormat.Markdown), "text/markdown; charset=utf-8", Encoding.UTF8))
            .WithName("workshop-summary-markdown")
            .WithSummary("Agenda, attendance, poll results and the board with its dots, in Markdown.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/summary.csv", async Task<ContentHttpResult> (string id, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Text(await Workshop(grains, id).Summary(user.ToCaller(), SummaryFormat.Csv), "text/csv; charset=utf-8", Encoding.UTF8))
            .WithName("workshop-summary-csv")
            .WithSummary("The same summary as CSV rows: section, subject, detail, value.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static IWorkshopGrain Workshop(IGrainFactory grains, string id) =>
        Contracts.Common.Slug.IsValid(id) ? grains.GetGrain<IWorkshopGrain>(id) : throw new EntityNotFoundException(DisplayName);
}
