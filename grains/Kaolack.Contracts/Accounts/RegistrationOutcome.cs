namespace Kaolack.Contracts.Accounts;

/// <summary>
/// What a registration did, for the server only: the person registering always gets the same answer, so nobody
/// learns which addresses have accounts. <see cref="Verification"/> is the link to e-mail to a new (or still
/// unverified) account; without it the address already has a verified account, which is told so by e-mail.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationOutcome(
    [property: Id(0)] AccountLink? Verification,
    [property: Id(1)] UiLanguage Language,
    [property: Id(2)] string DisplayName);
