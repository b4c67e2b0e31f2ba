using System.Security.Claims;
using Kaolack.Api.Auth;
using Kaolack.Api.Directory;
using Kaolack.Api.Http;
using Kaolack.Api.Projects;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaolack.Api.Entities;

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

        group.MapGet("/", ([AsParameters] ListQuery query, IGrainFactory grains, ClaimsPrincipal user) =>
                DirectoryEndpoints.Search(grains, user.ToCaller(), kind, query.ToDirectoryQuery()))
            .WithName($"list-{plural}")
            .WithSummary($"Search {plural}: free text, region, value chain, legal form (cooperatives), paging.")
            .ProducesValidationProblem();

        group.MapGet("/{slug}", async Task<Ok<TView>> (string slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
            {
                var view = await grains.GetGrain<TGrain>(slug).Get(user.ToCaller()) ?? throw new EntityNotFoundException(displayName);
                ETags.Set(response, metaOf(view).Version);
                return TypedResults.Ok(view);
            })
            .WithName($"get-{kind.Singular()}")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<TView>> ([FromBody] TProfile profile, [FromQuery] string? slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
            {
                var caller = user.ToCaller();
                var view = await SlugAllocation.Create(slug, nameOf(profile), kind.Singular(), s => grains.GetGrain<TGrain>(s).Create(caller, profile));
                var meta = metaOf(view);
                ETags.Set(response, meta.Version);
                return TypedResults.Created($"/api/{plural}/{meta.Slug}", view);
            })
            .WithName($"create-{kind.Singular()}")
            .WithSummary("Creates it; the slug comes from the name unless ?slug= is given.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{slug}", async Task<Ok<TView>> (string slug, [FromBody] TProfile profile, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            {
                var view = await grains.GetGrain<TGrain>(slug).Update(user.ToCaller(), profile, ETags.RequiredVersion(http.Request));
                ETags.Set(http.Response, metaOf(view).Version);
                return TypedResults.Ok(view);
            })
            .WithName($"update-{kind.Singular()}")
            .WithSummary("Replaces the profile; If-Match must carry the ETag that was read (412 when someone changed it meanwhile).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{slug}", async Task<NoContent> (string slug, IGrainFactory grains, ClaimsPrincipal user, HttpRequest request) =>
            {
                await grains.GetGrain<TGrain>(slug).Delete(user.ToCaller(), ETags.RequiredVersion(request));
                return TypedResults.NoContent();
            })
            .WithName($"delete-{kind.Singular()}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{slug}/members", async Task<Ok<TView>> (string slug, MemberRequest request, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await grains.GetGrain<TGrain>(slug).AddMember(user.ToCaller(), request.Email)))
            .WithName($"add-{kind.Singular()}-member")
            .WithSummary("Adds an account (by e-mail) to the people who may edit it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{slug}/members/{email}", async Task<Ok<TView>> (string slug, string email, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await grains.GetGrain<TGrain>(slug).RemoveMember(user.ToCaller(), email)))
            .WithName($"remove-{kind.Singular()}-member")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
