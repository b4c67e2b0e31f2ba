namespace Kaolack.Contracts.Accounts;

/// <summary>
/// One account, keyed by its normalised e-mail. It holds the password hash and does the checking itself, so the hash
/// never leaves the grain and lockout counting cannot race. It also holds the hashes of its single-use links
/// (address verification, password reset) and the sessions that signed out.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>
    /// A registration: a new account (or an unverified one, replaced) waits for its address to be verified; a verified
    /// account is left as it is. The outcome tells the server which e-mail to send, never the person registering.
    /// </summary>
    Task<RegistrationOutcome> Register(Registration registration);

    /// <summary>Creates the account, verified, with these roles unless it exists (then nothing changes). Only <see cref="Caller.System"/>.</summary>
    Task<Account> EnsureSeeded(Caller caller, AccountSeed seed);

    /// <summary>Admin only: opens an account without a password; the returned link lets its owner set one (which verifies the address).</summary>
    Task<AccountLink> Open(Caller caller, NewAccount account);

    /// <param name="client">Who is trying (the client address): wrong passwords lock that address out of this account, not the account.</param>
    Task<LoginOutcome> CheckPassword(string password, string client);

    /// <summary>Proves the address with the e-mailed link and the password chosen at registration: the account can sign in from then on.</summary>
    Task<Session> Verify(string token, string password);

    /// <summary>A password-reset link for the account's owner; null when there is no account (nothing to send).</summary>
    Task<AccountLink?> RequestPasswordReset();

    /// <summary>Admin only: a password-reset link to hand over (also e-mailed).</summary>
    Task<AccountLink> IssuePasswordReset(Caller caller);

    /// <summary>Sets a new password with a reset link: the address is verified, every session ends and lockouts are lifted.</summary>
    Task ResetPassword(string token, string newPassword);

    /// <summary>Renews the security stamp, which signs out every other session.</summary>
    Task ChangePassword(string currentPassword, string newPassword);

    /// <summary>The owner (or an admin) changes the name, organisation, region and language.</summary>
    Task<Account> UpdateProfile(Caller caller, AccountProfile profile);

    /// <summary>Signs one session out for good: a copy of its cookie or token no longer works (remembered until <paramref name="until"/>, when it would have expired).</summary>
    Task EndSession(string sessionId, DateTimeOffset until);

    /// <summary>The owner (or an admin) signs out everywhere: the security stamp is renewed.</summary>
    Task EndAllSessions(Caller caller);

    /// <summary>Admin only: a suspended account cannot sign in and its sessions end; lifting it also lifts login lockouts.</summary>
    Task<Account> SetSuspended(Caller caller, bool suspended);

    [ReadOnly]
    Task<Account?> Get();

    /// <summary>Null when the account does not exist, is suspended or, given a session id, that session signed out.</summary>
    [ReadOnly]
    Task<Session?> GetSession(string? sessionId = null);

    /// <summary>Admin only.</summary>
    Task<Account> SetRoles(Caller caller, Role[] roles);
}
