using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Projects;

/// <summary>What an invitation page shows before anyone signs in.</summary>
[GenerateSerializer, Immutable]
public sealed record InvitationDetails(
    [property: Id(0)] string ProjectSlug,
    [property: Id(1)] string ProjectTitle,
    [property: Id(2)] string Email,
    [property: Id(3)] ProjectRole Role,
    [property: Id(4)] DateTimeOffset ExpiresAt);
