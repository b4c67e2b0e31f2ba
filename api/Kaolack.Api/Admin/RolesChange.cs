using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Admin;

public sealed record RolesChange(Role[] Roles);
