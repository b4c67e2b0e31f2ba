using System.Security.Claims;
using Kaolack.Contracts.Accounts;
using Microsoft.AspNetCore.Authentication;

namespace Kaolack.Api.Auth;

/// <summary>
/// On every request, checks the session against its account: a deleted account or a renewed security
/// stamp (password changed) ends the session, and roles are read fresh so a role change applies at once.
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
        var stamp = principal.FindFirstValue(KaolackClaims.SecurityStamp);
        var session = id is null ? null : await grains.GetGrain<IUserGrain>(id).GetSession();
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
}
