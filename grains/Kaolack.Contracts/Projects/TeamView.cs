using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Projects;

/// <summary>
/// A project's team as its readers see it: people by name and organisation, and — for those who manage the team —
/// the invitations still waiting.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TeamView(
    [property: Id(0)] TeamMember[] Members,
    [property: Id(1)] PendingInvitation[] Invitations);

/// <param name="DisplayName">The account's name; empty when the account no longer exists.</param>
[GenerateSerializer, Immutable]
public sealed record TeamMember(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Organisation,
    [property: Id(3)] UserRegion? Region,
    [property: Id(4)] ProjectRole Role,
    [property: Id(5)] DateTimeOffset Since);

/// <param name="Id">Names the invitation to revoke it (the link's secret is never stored, so the link cannot be shown again).</param>
[GenerateSerializer, Immutable]
public sealed record PendingInvitation(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] ProjectRole Role,
    [property: Id(3)] DateTimeOffset ExpiresAt);
