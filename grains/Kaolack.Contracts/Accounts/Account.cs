namespace Kaolack.Contracts.Accounts;

/// <summary>An account as shown to its owner and to admins (never the password hash).</summary>
[GenerateSerializer, Immutable]
public sealed record Account(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Organisation,
    [property: Id(3)] UserRegion Region,
    [property: Id(4)] UiLanguage Language,
    [property: Id(5)] Role[] Roles,
    [property: Id(6)] DateTimeOffset CreatedAt);
