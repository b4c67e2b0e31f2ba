using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Endpoints;

public sealed record RoleChange(ProjectRole Role);
