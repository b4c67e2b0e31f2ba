using Kaolack.Contracts.Accounts;

namespace Kaolack.Grains.Accounts;

/// <summary>One account as stored. A new object per change (the previous one is put back if the write fails).</summary>
[GenerateSerializer, Immutable, Alias("kaolack.user-state.v1")]
public sealed record UserState
{
    [Id(0)] public string Email { get; init; } = "";
    [Id(1)] public string DisplayName { get; init; } = "";
    [Id(2)] public string Organisation { get; init; } = "";
    [Id(3)] public UserRegion Region { get; init; }
    [Id(4)] public UiLanguage Language { get; init; }
    [Id(5)] public Role[] Roles { get; init; } = [];
    /// <summary>Empty for an account an admin opened, until its owner sets a password.</summary>
    [Id(6)] public string PasswordHash { get; init; } = "";
    // Ids 7 and 8 held the failed-login count and lock of the whole account: lockouts are per client address now, in memory.
    /// <summary>Renewed by a password change or reset, "sign out everywhere" and suspension: sessions carrying an older stamp stop working.</summary>
    [Id(9)] public string SecurityStamp { get; init; } = "";
    [Id(10)] public DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// Registered (or opened by an admin) and the address not proven yet: it cannot sign in. False for accounts stored
    /// before verification existed, which keep working.
    /// </summary>
    [Id(11)] public bool AwaitingVerification { get; init; }
    [Id(12)] public StoredLink? Verification { get; init; }
    [Id(13)] public StoredLink? PasswordReset { get; init; }
    [Id(14)] public bool Suspended { get; init; }
    /// <summary>Sessions signed out one by one, until the moment their cookie or token would have expired anyway.</summary>
    [Id(15)] public Dictionary<string, DateTimeOffset> EndedSessions { get; init; } = [];
    /// <summary>One step per stored change: the accounts list keeps the newest.</summary>
    [Id(16)] public long Version { get; init; }

    public bool Exists => Email.Length > 0;
}
