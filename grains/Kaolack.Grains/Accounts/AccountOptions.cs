namespace Kaolack.Grains.Accounts;

/// <summary>The "Kaolack:Accounts" configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Kaolack:Accounts";

    /// <summary>Consecutive wrong passwords from one client address that lock that address out of the account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long such a lock lasts, and the window in which the account's wrong passwords from everywhere are counted.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords from every address together, within <see cref="LockoutDuration"/>, after which each try waits.</summary>
    public int FailuresBeforeDelay { get; set; } = 20;

    /// <summary>The longest wait between two tries once the account is under a spread-out attack (it doubles up to this).</summary>
    public TimeSpan MaxLoginDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the link that verifies a new account's address works.</summary>
    public TimeSpan VerificationLinkLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long a password-reset link someone asked for works.</summary>
    public TimeSpan ResetLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a link an admin hands over works (a new account's first password, a reset issued for someone).</summary>
    public TimeSpan AdminLinkLifetime { get; set; } = TimeSpan.FromDays(3);

    public bool IsValid() =>
        MaxFailedLogins > 0 && FailuresBeforeDelay > 0 && LockoutDuration > TimeSpan.Zero && MaxLoginDelay > TimeSpan.Zero
        && VerificationLinkLifetime > TimeSpan.Zero && ResetLinkLifetime > TimeSpan.Zero && AdminLinkLifetime > TimeSpan.Zero;
}
