namespace Kaolack.Contracts.Accounts;

/// <summary>What authentication needs on every request: current roles and the stamp that a password change renews.</summary>
[GenerateSerializer, Immutable]
public sealed record Session(
    [property: Id(0)] string UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] Role[] Roles,
    [property: Id(3)] string SecurityStamp);
