namespace Kaolack.Grains.Accounts;

/// <summary>The "Kaolack:Accounts" configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Kaolack:Accounts";

    /// <summary>Consecutive wrong passwords that lock the account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
