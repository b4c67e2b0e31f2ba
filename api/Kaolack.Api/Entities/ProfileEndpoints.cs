using Kaolack.Api.Auth;
using Kaolack.Api.Directory;
using Kaolack.Api.Hardening;
using Kaolack.Api.Http;
using Kaolack.Api.Projects;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Kaolack.Api.Entities;

/// <summary>CRUD and listing for organisations whose state is one profile (cooperatives, diaspora groups, organisations).</summary>
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
        var singular = kind.Singular();
        var routes = new ProfileRoutes<TGrain, TProfile, TView>(kind, displayName, nameOf, metaOf);
        var group = app.MapGroup($"/api/{plural}").WithTags(plural);

        group.MapGet("/", routes.List).Describe($"list-{plural}",
            $"Search {plural}: free text, region, value chain (sector), legal form (cooperatives), kind (organisations), paging.", Status400BadRequest);
        group.MapGet("/{slug}", routes.Get).Describe($"get-{singular}", null, Status404NotFound);
        group.MapPost("/", routes.Create).RequireCreationQuota().Describe($"create-{singular}",
            "Creates it; the slug comes from the name unless ?slug= is given.", Status400BadRequest, Status409Conflict);
        group.MapPut("/{slug}", routes.Update).Describe($"update-{singular}",
            "Replaces the profile; If-Match must carry the ETag that was read (412 when someone changed it meanwhile).",
            Status400BadRequest, Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapDelete("/{slug}", routes.Delete).Describe($"delete-{singular}", null,
            Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapPost("/{slug}/members", routes.AddMember).Describe($"add-{singular}-member",
            "Adds an account (by e-mail) to the people who may edit it.", Status400BadRequest, Status403Forbidden, Status404NotFound);
        group.MapDelete("/{slug}/members/{email}", routes.RemoveMember).Describe($"remove-{singular}-member", null,
            Status403Forbidden, Status404NotFound);

        return group;
    }

    /// <summary>The handlers of one kind of profile: what differs between kinds is given once, here.</summary>
    private sealed class ProfileRoutes<TGrain, TProfile, TView>(
        EntityKind kind, string displayName, Func<TProfile, string> nameOf, Func<TView, EntityMeta> metaOf)
        where TGrain : IProfileGrain<TProfile, TView>
        where TProfile : class
        where TView : class
    {
        public Task<DirectoryPage> List([AsParameters] ListQuery query, IGrainFactory grains, ClaimsPrincipal user) =>
            DirectoryEndpoints.Search(grains, user.ToCaller(), kind, query.ToDirectoryQuery());

        public async Task<Ok<TView>> Get(string slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
        {
            var view = await grains.GetGrain<TGrain>(slug).Get(user.ToCaller()) ?? throw new EntityNotFoundException(displayName);
            return ETags.Ok(response, view, metaOf(view));
        }

        public async Task<Created<TView>> Create([FromBody] TProfile profile, [FromQuery] string? slug, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
        {
            var caller = user.ToCaller();
            var view = await SlugAllocation.Create(slug, nameOf(profile), kind.Singular(), s => grains.GetGrain<TGrain>(s).Create(caller, profile));
            return ETags.Created(response, $"/api/{kind.Plural()}", view, metaOf(view));
        }

        public async Task<Ok<TView>> Update(string slug, [FromBody] TProfile profile, IGrainFactory grains, ClaimsPrincipal user, HttpContext http)
        {
            var view = await grains.GetGrain<TGrain>(slug).Update(user.ToCaller(), profile, ETags.RequiredVersion(http.Request));
            return ETags.Ok(http.Response, view, metaOf(view));
        }

        public async Task<NoContent> Delete(string slug, IGrainFactory grains, ClaimsPrincipal user, HttpRequest request)
        {
            await grains.GetGrain<TGrain>(slug).Delete(user.ToCaller(), ETags.RequiredVersion(request));
            return TypedResults.NoContent();
        }

        public async Task<Ok<TView>> AddMember(string slug, MemberRequest request, IGrainFactory grains, ClaimsPrincipal user) =>
            TypedResults.Ok(await grains.GetGrain<TGrain>(slug).AddMember(user.ToCaller(), request.Email));

        public async Task<Ok<TView>> RemoveMember(string slug, string email, IGrainFactory grains, ClaimsPrincipal user) =>
            TypedResults.Ok(await grains.GetGrain<TGrain>(slug).RemoveMember(user.ToCaller(), email));
    }
}
