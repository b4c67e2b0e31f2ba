using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Projects;

/// <summary>An invitation to hand over: the link opens the invitation page of the web app.</summary>
public sealed record InvitationLink(string Token, string Link, string Email, ProjectRole Role, DateTimeOffset ExpiresAt);
