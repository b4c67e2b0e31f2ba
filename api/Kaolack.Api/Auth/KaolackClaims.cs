using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Api.Auth;

/// <summary>The claims a session carries and how they become the <see cref="Caller"/> grains receive.</summary>
public static class KaolackClaims
{
    /// <summary>The account's security stamp when the session began; a password change renews it.</summary>
    public const string SecurityStamp = "kaolack:stamp";

    /// <summary>Names one sign-in, so signing out ends that session on the server (a copy of its cookie stops working).</summary>
    public const string SessionId = "kaolack:sid";

    /// <summary>Marks a principal whose roles were loaded from the account during this request.</summary>
    public const string Verified = "kaolack:verified";

    /// <summary>On a guest's session only: the one workshop it may take part in.</summary>
    public const string Workshop = "kaolack:workshop";

    /// <summary>A guest's session: no account, no role, one workshop (checked against it on every request).</summary>
    public static ClaimsPrincipal ForGuest(GuestAdmission guest, string authenticationType) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, guest.GuestId),
            new Claim(ClaimTypes.Name, guest.DisplayName),
            new Claim(Workshop, guest.WorkshopId),
        ],
        authenticationType));

    public static bool IsGuest(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == Workshop);

    /// <summary>A new sign-in of the account, with a session id of its own.</summary>
    public static ClaimsPrincipal ForSession(Session session, string authenticationType) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, session.UserId),
            new Claim(ClaimTypes.Name, session.DisplayName),
            new Claim(SecurityStamp, session.SecurityStamp),
            new Claim(SessionId, Guid.NewGuid().ToString("N")),
        ],
        authenticationType));

    /// <summary>The acting user; roles come from the account, loaded fresh for this request.</summary>
    public static Caller ToCaller(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || id is null || !user.HasClaim(c => c.Type == Verified))
        {
            throw new UnauthenticatedException();
        }
        var roles = user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<Role>(c.Value, ignoreCase: true, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .ToArray();
        return new Caller(id, roles);
    }
}
