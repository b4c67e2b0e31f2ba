namespace Kaolack.Contracts.Accounts;

/// <summary>
/// A single-use token an account issued (address verification, password reset) to put in an e-mailed link. Only the
/// account keeps the hash of its secret; the token is "{address in base64url}.{secret}", so it finds its account.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AccountLink(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] UiLanguage Language,
    [property: Id(3)] string DisplayName);
