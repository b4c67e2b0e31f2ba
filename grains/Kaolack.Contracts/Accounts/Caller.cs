namespace Kaolack.Contracts.Accounts;

/// <summary>
/// Who is acting, passed to every grain method that reads or changes something, so each grain decides
/// itself and no path around the API can skip a check. Built by the API from the authenticated user
/// (roles are read fresh from the account on every request), never from client input.
/// </summary>
/// <param name="UserId">The normalised e-mail of the account, or <see cref="SystemId"/>.</param>
[GenerateSerializer, Immutable]
public sealed record Caller([property: Id(0)] string UserId, [property: Id(1)] Role[] Roles)
{
    public const string SystemId = "system";

    /// <summary>Guests of a workshop act as "guest:{workshop id}:{random}": no account, no role, never an e-mail.</summary>
    public const string GuestPrefix = "guest:";

    /// <summary>The platform itself (demo data, configured accounts): acts as admin.</summary>
    public static Caller System { get; } = new(SystemId, [Role.Admin]);

    /// <summary>A workshop guest: takes part in that one workshop and may do nothing else.</summary>
    public bool IsGuest => UserId.StartsWith(GuestPrefix, StringComparison.Ordinal);

    public bool IsAdmin => Roles.Contains(Role.Admin);

    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>Admins, coaches and partners see every project; members only their own.</summary>
    public bool SeesAllProjects => IsAdmin || Has(Role.Coach) || Has(Role.Partner);

    /// <summary>Partners are read-only everywhere, whatever else they are.</summary>
    public bool MayWrite => IsAdmin || ((Has(Role.Member) || Has(Role.Coach)) && !Has(Role.Partner));
}
