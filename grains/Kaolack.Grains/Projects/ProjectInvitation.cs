using Kaolack.Contracts.Accounts;

namespace Kaolack.Grains.Projects;

/// <summary>A pending or spent invitation, as the project keeps it: only the hash of the token's secret.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.project-invitation.v1")]
public sealed record ProjectInvitation(
    [property: Id(0)] string SecretHash,
    [property: Id(1)] string Email,
    [property: Id(2)] ProjectRole Role,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] DateTimeOffset? UsedAt);
