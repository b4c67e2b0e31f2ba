using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Projects;

public sealed record InvitationRequest(string Email, ProjectRole Role);
