using Kaolack.Api.Auth;
using Kaolack.Api.Directory;
using Kaolack.Api.Entities;
using Kaolack.Api.Http;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Exchanges;
using Kaolack.Grains.Exchanges;
using Microsoft.AspNetCore.Mvc;

namespace Kaolack.Api.Exchanges;

/// <summary>Offers and needs ("Offres et besoins"): posts, their reply threads, status, matches, and the joint project they become.</summary>
public static class ExchangeEndpoints
{
    private const string DisplayName = "L'annonce";

    public static RouteGroupBuilder MapExchangeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exchanges").WithTags("exchanges");

        group.MapGet("/", List).Describe("list-exchanges",
            "Search offers and needs: free text, the organisation's region, value chain, paging.", Status400BadRequest);
        group.MapGet("/{slug}", Get).Describe("get-exchange", null, Status404NotFound);
        group.MapPost("/", Create).Describe("create-exchange",
            "Posts an offer or a need for an organisation the caller belongs to; the slug comes from the title unless ?slug= is given.",
            Status400BadRequest, Status403Forbidden, Status409Conflict);
        group.MapPost("/{slug}/replies", Reply).Describe("reply-to-exchange",
            "Adds a reply to the thread, on behalf of an organisation the caller belongs to.",
            Status400BadRequest, Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);
        group.MapPost("/{slug}/status", SetStatus).Describe("set-exchange-status",
            "Its organisation's members mark it matched (with an organisation that replied) or closed; If-Match optional.",
            Status400BadRequest, Status403Forbidden, Status404NotFound, Status412PreconditionFailed, Status422UnprocessableEntity);
        group.MapPost("/{slug}/project", StartProject).Describe("start-exchange-project",
            "Turns a matched exchange into a joint project, both organisations as partners.",
            Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);
        group.MapGet("/{slug}/matches", Matches).Describe("match-exchange",
            "Open posts of the other kind that answer it, best first, with their reasons.", Status400BadRequest, Status404NotFound);

        return group;
    }

    private static Task<DirectoryPage> List([AsParameters] ListQuery query, IGrainFactory grains, ClaimsPrincipal user) =>
        DirectoryEndpoints.Search(grains, user.ToCaller(), EntityKind.Exchange, query.ToDirectoryQuery());

    private static async Task<Ok<ExchangePost>> Get(string slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
        Respond(response, await Post(grains, slug).Get(user.ToCaller()) ?? throw new EntityNotFoundException(DisplayName));

    private static async Task<Created<ExchangePost>> Create(
        ExchangePostInput input, [FromQuery] string? slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var caller = user.ToCaller();
        var post = await SlugAllocation.Create(slug, input.Title, "annonce", s => Post(grains, s).Create(caller, input));
        return ETags.Created(response, "/api/exchanges", post, post.Meta);
    }

    private static async Task<Ok<ExchangePost>> Reply(string slug, ReplyInput reply, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
        Respond(response, await Post(grains, slug).Reply(user.ToCaller(), reply));

    private static async Task<Ok<ExchangePost>> SetStatus(string slug, ExchangeStatusInput status, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
        Respond(http.Response, await Post(grains, slug).SetStatus(user.ToCaller(), status, ETags.OptionalVersion(http.Request)));

    private static async Task<Created<ExchangePost>> StartProject(string slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var caller = user.ToCaller();
        var post = Post(grains, slug);
        var title = (await post.Get(caller))?.Post.Title ?? throw new EntityNotFoundException(DisplayName);
        var started = await SlugAllocation.Create(null, title, "projet", s => post.StartProject(caller, s));
        ETags.Set(response, started.Meta.Version);
        return TypedResults.Created($"/api/projects/{started.ProjectSlug}", started);
    }

    private static async Task<Ok<ExchangeMatch[]>> Matches(string slug, [FromQuery] string? limit, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await Post(grains, slug).Matches(user.ToCaller(), LimitQuery.Parse(limit, ExchangePostRules.DefaultMatchLimit, ExchangePostRules.MaxMatchLimit)));

    private static IExchangePostGrain Post(IGrainFactory grains, string slug) => grains.GetGrain<IExchangePostGrain>(slug);

    private static Ok<ExchangePost> Respond(HttpResponse response, ExchangePost post) => ETags.Ok(response, post, post.Meta);
}
