using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Admin;

/// <summary>An account an admin opened, and the link its owner chooses a password with.</summary>
public sealed record IssuedAccount(Account Account, IssuedLink Link);
