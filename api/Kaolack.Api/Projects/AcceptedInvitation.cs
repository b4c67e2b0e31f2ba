using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Projects;

public sealed record AcceptedInvitation(string ProjectSlug, ProjectRole Role);
