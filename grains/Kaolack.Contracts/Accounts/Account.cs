namespace Kaolack.Contracts.Accounts;

/// <summary>An account as shown to its owner and to admins (never the password hash).</summary>
/// <param name="Verified">The address was proven by an e-mailed link (or the platform made the account): only then can it sign in.</param>
/// <param name="Suspended">An admin suspended it: it cannot sign in and its sessions ended.</param>
[GenerateSerializer, Immutable]
public sealed record Account(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Organisation,
    [property: Id(3)] UserRegion Region,
    [property: Id(4)] UiLanguage Language,
    [property: Id(5)] Role[] Roles,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] bool Verified,
    [property: Id(8)] bool Suspended);
