using Kaolack.Api.Auth;
using Kaolack.Api.Http;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Directory;
using Microsoft.AspNetCore.Mvc;

namespace Kaolack.Api.Directory;

/// <summary>Partner suggestions, ranked by the grains (see <see cref="PartnerSuggestions"/>); read-only.</summary>
public static class SuggestionEndpoints
{
    public static IEndpointRouteBuilder MapSuggestionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cooperatives/{slug}/suggestions", ForCooperative).WithTags("cooperatives").Describe("suggest-cooperative-partners",
            "Cooperatives of the other region with the same or a complementary value chain, and diaspora groups matching its needs; best first.",
            Status400BadRequest, Status404NotFound);
        app.MapGet("/api/projects/{slug}/suggestions", ForProject).WithTags("projects").Describe("suggest-project-partners",
            "Cooperatives and diaspora groups to invite as partners, favouring the region the project lacks; best first.",
            Status400BadRequest, Status403Forbidden, Status404NotFound);

        return app;
    }

    private static async Task<Ok<PartnerSuggestionList>> ForCooperative(string slug, [FromQuery] string? limit, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await grains.GetGrain<ICooperativeGrain>(slug).SuggestPartners(user.ToCaller(), LimitQuery.Parse(limit, PartnerSuggestions.DefaultLimit, PartnerSuggestions.MaxLimit)));

    private static async Task<Ok<PartnerSuggestionList>> ForProject(string slug, [FromQuery] string? limit, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(await grains.GetGrain<IJointProjectGrain>(slug).SuggestPartners(user.ToCaller(), LimitQuery.Parse(limit, PartnerSuggestions.DefaultLimit, PartnerSuggestions.MaxLimit)));
}
