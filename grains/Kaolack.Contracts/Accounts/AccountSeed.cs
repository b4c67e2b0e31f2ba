namespace Kaolack.Contracts.Accounts;

/// <summary>An account the platform creates itself (the first admin from configuration, demo users).</summary>
[GenerateSerializer, Immutable]
public sealed record AccountSeed(
    [property: Id(0)] Registration Registration,
    [property: Id(1)] Role[] Roles);
