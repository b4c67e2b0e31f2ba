using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Auth;

public sealed record RolesChange(Role[] Roles);
