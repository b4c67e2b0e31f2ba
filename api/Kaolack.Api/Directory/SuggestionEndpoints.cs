using System.Globalization;
using System.Security.Claims;
using Kaolack.Api.Auth;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaolack.Api.Directory;

/// <summary>Partner suggestions, ranked by the grains (see <see cref="PartnerSuggestions"/>); read-only.</summary>
public static class SuggestionEndpoints
{
    public static IEndpointRouteBuilder MapSuggestionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cooperatives/{slug}/suggestions", async Task<Ok<PartnerSuggestionList>> (string slug, [FromQuery] string? limit, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await grains.GetGrain<ICooperativeGrain>(slug).SuggestPartners(user.ToCaller(), ParseLimit(limit))))
            .WithTags("cooperatives")
            .WithName("suggest-cooperative-partners")
            .WithSummary("Cooperatives of the other region with the same or a complementary value chain, and diaspora groups matching its needs; best first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/projects/{slug}/suggestions", async Task<Ok<PartnerSuggestionList>> (string slug, [FromQuery] string? limit, IGrainFactory grains, ClaimsPrincipal user) =>
                TypedResults.Ok(await grains.GetGrain<IJointProjectGrain>(slug).SuggestPartners(user.ToCaller(), ParseLimit(limit))))
            .WithTags("projects")
            .WithName("suggest-project-partners")
            .WithSummary("Cooperatives and diaspora groups to invite as partners, favouring the region the project lacks; best first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary>Absent: the default. Not a whole number: a validation problem naming <c>limit</c> (the grain checks the range).</summary>
    private static int ParseLimit(string? limit)
    {
        if (string.IsNullOrWhiteSpace(limit))
        {
            return PartnerSuggestions.DefaultLimit;
        }
        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ValidationFailedException("limit", $"Nombre entier entre 1 et {PartnerSuggestions.MaxLimit} attendu.");
    }
}
