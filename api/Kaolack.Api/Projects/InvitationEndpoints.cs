using Kaolack.Api.Auth;
using Kaolack.Api.Hardening;
using Kaolack.Api.Http;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;

namespace Kaolack.Api.Projects;

/// <summary>An invitation link, read by whoever holds it and accepted by the invited account.</summary>
public static class InvitationEndpoints
{
    public static RouteGroupBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/invitations").WithTags("invitations");

        // Open to anyone: limited like login so tokens cannot be guessed at speed.
        group.MapGet("/{token}", Describe).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Login).Describe("describe-invitation",
            "What the invitation is; open to whoever holds the link, signed in or not.", Status404NotFound, Status410Gone);
        group.MapPost("/{token}/accept", Accept).Describe("accept-invitation",
            "Joins the project; the signed-in account must be the invited e-mail. Single use.", Status403Forbidden, Status404NotFound, Status410Gone);

        return group;
    }

    private static async Task<Ok<InvitationDetails>> Describe(string token, IGrainFactory grains) =>
        TypedResults.Ok(await ProjectOf(grains, token).DescribeInvitation(token));

    private static async Task<Ok<AcceptedInvitation>> Accept(string token, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.ToCaller();
        var project = await ProjectOf(grains, token).AcceptInvitation(caller, token);
        var role = project.Members.First(m => m.UserId == caller.UserId).Role;
        return TypedResults.Ok(new AcceptedInvitation(project.Meta.Slug, role));
    }

    /// <summary>Tokens are "{project slug}.{secret}".</summary>
    private static IJointProjectGrain ProjectOf(IGrainFactory grains, string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var slug = dot > 0 ? token[..dot] : "";
        return Slug.IsValid(slug) ? grains.GetGrain<IJointProjectGrain>(slug) : throw new EntityNotFoundException("L'invitation");
    }
}
