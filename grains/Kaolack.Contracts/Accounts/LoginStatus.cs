namespace Kaolack.Contracts.Accounts;

public enum LoginStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}
