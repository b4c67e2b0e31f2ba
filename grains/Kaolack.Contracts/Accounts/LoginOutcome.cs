namespace Kaolack.Contracts.Accounts;

/// <summary>The answer to a password check. Unknown accounts and wrong passwords look the same to the caller.</summary>
[GenerateSerializer, Immutable]
public sealed record LoginOutcome(
    [property: Id(0)] LoginStatus Status,
    [property: Id(1)] Session? Session,
    [property: Id(2)] DateTimeOffset? LockedUntil);
