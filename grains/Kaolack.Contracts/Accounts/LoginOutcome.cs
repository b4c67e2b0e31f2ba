namespace Kaolack.Contracts.Accounts;

/// <summary>
/// The answer to a password check. Unknown accounts and wrong passwords look the same to the caller, and so do their
/// locks and delays (they are counted the same way for addresses without an account).
/// </summary>
/// <param name="LockedUntil">When <see cref="LoginStatus.LockedOut"/> or <see cref="LoginStatus.Delayed"/>: the next try is heard from then.</param>
[GenerateSerializer, Immutable]
public sealed record LoginOutcome(
    [property: Id(0)] LoginStatus Status,
    [property: Id(1)] Session? Session,
    [property: Id(2)] DateTimeOffset? LockedUntil);
