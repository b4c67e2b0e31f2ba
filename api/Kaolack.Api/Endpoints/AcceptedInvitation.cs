using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Endpoints;

public sealed record AcceptedInvitation(string ProjectSlug, ProjectRole Role);
