using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Projects;

public sealed record RoleChange(ProjectRole Role);
