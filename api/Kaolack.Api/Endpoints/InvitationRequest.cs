using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Endpoints;

public sealed record InvitationRequest(string Email, ProjectRole Role);
