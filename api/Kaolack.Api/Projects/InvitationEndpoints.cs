using System.Security.Claims;
using Kaolack.Api.Auth;
using Kaolack.Api.Hardening;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kaolack.Api.Projects;

public static class InvitationEndpoints
{
    public static RouteGroupBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/invitations").WithTags("invitations");

        group.MapGet("/{token}", async Task<Ok<InvitationDetails>> (string token, IGrainFactory grains) =>
                TypedResults.Ok(await ProjectOf(grains, token).DescribeInvitation(token)))
            .AllowAnonymous()
            // Open to anyone: limited like login so tokens cannot be guessed at speed.
            .RequireRateLimiting(RateLimitPolicies.Login)
            .WithName("describe-invitation")
            .WithSummary("What the invitation is; open to whoever holds the link, signed in or not.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        group.MapPost("/{token}/accept", async Task<Ok<AcceptedInvitation>> (string token, IGrainFactory grains, ClaimsPrincipal user) =>
            {
                var caller = user.ToCaller();
                var project = await ProjectOf(grains, token).AcceptInvitation(caller, token);
                var role = project.Members.First(m => m.UserId == caller.UserId).Role;
                return TypedResults.Ok(new AcceptedInvitation(project.Meta.Slug, role));
            })
            .WithName("accept-invitation")
            .WithSummary("Joins the project; the signed-in account must be the invited e-mail. Single use.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        return group;
    }

    /// <summary>Tokens are "{project slug}.{secret}".</summary>
    private static IJointProjectGrain ProjectOf(IGrainFactory grains, string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var slug = dot > 0 ? token[..dot] : "";
        return Slug.IsValid(slug) ? grains.GetGrain<IJointProjectGrain>(slug) : throw new EntityNotFoundException("L'invitation");
    }
}
