using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Projects;

/// <summary>
/// A single-use invitation. The token is "{project slug}.{secret}": the slug routes it to the project,
/// the secret (only its hash is stored) proves it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InvitationTicket(
    [property: Id(0)] string Token,
    [property: Id(1)] string Email,
    [property: Id(2)] ProjectRole Role,
    [property: Id(3)] DateTimeOffset ExpiresAt);
