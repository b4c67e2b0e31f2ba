using Kaolack.Api.Http;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaolack.Api.Endpoints;

/// <summary>CRUD and listing for organisations whose state is one profile (cooperatives, diaspora groups).</summary>
public static class ProfileEndpoints
{
    public static RouteGroupBuilder MapProfileEndpoints<TGrain, TProfile, TView>(
        this IEndpointRouteBuilder app,
        EntityKind kind,
        string displayName,
        Func<TProfile, string> nameOf,
        Func<TView, EntityMeta> metaOf)
        where TGrain : IProfileGrain<TProfile, TView>
        where TProfile : class
        where TView : class
    {
        var plural = kind.Plural();
        var group = app.MapGroup($"/api/{plural}").WithTags(plural);

        group.MapGet("/", ([AsParameters] ListQuery query, IGrainFactory grains) =>
                DirectoryEndpoints.Search(grains, kind, query.ToDirectoryQuery()))
            .WithName($"list-{plural}")
            .WithSummary($"Search {plural}: free text, region, value chain, paging.")
            .ProducesValidationProblem();

        group.MapGet("/{slug}", async Task<Ok<TView>> (string slug, IGrainFactory grains, HttpResponse response) =>
            {
                var view = await grains.GetGrain<TGrain>(slug).Get() ?? throw new EntityNotFoundException(displayName);
                ETags.Set(response, metaOf(view).Version);
                return TypedResults.Ok(view);
            })
            .WithName($"get-{kind.Singular()}")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<TView>> ([FromBody] TProfile profile, [FromQuery] string? slug, IGrainFactory grains, HttpResponse response) =>
            {
                var view = await SlugAllocation.Create(slug, nameOf(profile), kind.Singular(), s => grains.GetGrain<TGrain>(s).Create(profile));
                var meta = metaOf(view);
                ETags.Set(response, meta.Version);
                return TypedResults.Created($"/api/{plural}/{meta.Slug}", view);
            })
            .WithName($"create-{kind.Singular()}")
            .WithSummary("Creates it; the slug comes from the name unless ?slug= is given.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{slug}", async Task<Ok<TView>> (string slug, [FromBody] TProfile profile, IGrainFactory grains, HttpContext http) =>
            {
                var view = await grains.GetGrain<TGrain>(slug).Update(profile, ETags.RequiredVersion(http.Request));
                ETags.Set(http.Response, metaOf(view).Version);
                return TypedResults.Ok(view);
            })
            .WithName($"update-{kind.Singular()}")
            .WithSummary("Replaces the profile; If-Match must carry the ETag that was read (412 when someone changed it meanwhile).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{slug}", async Task<NoContent> (string slug, IGrainFactory grains, HttpRequest request) =>
            {
                await grains.GetGrain<TGrain>(slug).Delete(ETags.RequiredVersion(request));
                return TypedResults.NoContent();
            })
            .WithName($"delete-{kind.Singular()}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        return group;
    }
}
