namespace Kaolack.Contracts.Accounts;

public enum LoginStatus
{
    Succeeded,
    /// <summary>Wrong password, unknown address, or an address not verified yet: the caller cannot tell which.</summary>
    InvalidCredentials,
    /// <summary>Too many wrong passwords from this client address for this account: this address waits (others do not).</summary>
    LockedOut,
    /// <summary>Too many wrong passwords from everywhere for this account: every address waits a little between tries.</summary>
    Delayed,
    /// <summary>The right password, but an admin suspended the account.</summary>
    Suspended,
}
