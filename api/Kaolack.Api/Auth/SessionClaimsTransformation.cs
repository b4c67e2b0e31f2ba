using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Workshops;
using Microsoft.AspNetCore.Authentication;

namespace Kaolack.Api.Auth;

/// <summary>
/// On every request, checks the session against its account: a deleted or suspended account, a renewed security
/// stamp (password changed or reset, signed out everywhere) or a session signed out on its own ends the session, and
/// roles are read fresh so a role change applies at once.
/// A guest's session has no account: it holds while its workshop still knows the guest (deleting the workshop ends
/// it), and it never carries a role.
/// </summary>
public sealed class SessionClaimsTransformation(IGrainFactory grains) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == KaolackClaims.Verified))
        {
            return principal;
        }
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.FindFirstValue(KaolackClaims.Workshop) is { } workshopId)
        {
            return await VerifyGuest(principal, id, workshopId);
        }
        if (id is null || id.StartsWith(Caller.GuestPrefix, StringComparison.Ordinal))
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        var stamp = principal.FindFirstValue(KaolackClaims.SecurityStamp);
        var session = await grains.GetGrain<IUserGrain>(id).GetSession(principal.FindFirstValue(KaolackClaims.SessionId));
        if (session is null || session.SecurityStamp != stamp)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        var identity = new ClaimsIdentity(principal.Identity);
        identity.AddClaim(new Claim(KaolackClaims.Verified, "true"));
        foreach (var role in session.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString().ToLowerInvariant()));
        }
        return new ClaimsPrincipal(identity);
    }

    private async Task<ClaimsPrincipal> VerifyGuest(ClaimsPrincipal principal, string? guestId, string workshopId)
    {
        var prefix = $"{Caller.GuestPrefix}{workshopId}:";
        if (guestId is null || !Slug.IsValid(workshopId) || !guestId.StartsWith(prefix, StringComparison.Ordinal)
            || principal.HasClaim(c => c.Type == ClaimTypes.Role)
            || !await grains.GetGrain<IWorkshopGrain>(workshopId).HasGuest(guestId))
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        var identity = new ClaimsIdentity(principal.Identity);
        identity.AddClaim(new Claim(KaolackClaims.Verified, "true"));
        return new ClaimsPrincipal(identity);
    }
}
