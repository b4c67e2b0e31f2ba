namespace Kaolack.Contracts.Accounts;

/// <summary>
/// One account, keyed by its normalised e-mail. It holds the password hash and does the checking
/// itself, so the hash never leaves the grain and lockout counting cannot race.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates a member account. Throws when the e-mail is taken or the input is invalid.</summary>
    Task<Account> Register(Registration registration);

    /// <summary>Creates the account with these roles unless it exists (then nothing changes). Only <see cref="Caller.System"/>.</summary>
    Task<Account> EnsureSeeded(Caller caller, AccountSeed seed);

    Task<LoginOutcome> CheckPassword(string password);

    /// <summary>Renews the security stamp, which signs out every other session.</summary>
    Task ChangePassword(string currentPassword, string newPassword);

    [ReadOnly]
    Task<Account?> Get();

    /// <summary>Null when the account does not exist.</summary>
    [ReadOnly]
    Task<Session?> GetSession();

    /// <summary>Admin only.</summary>
    Task<Account> SetRoles(Caller caller, Role[] roles);
}
