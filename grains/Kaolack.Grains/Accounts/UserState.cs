using Kaolack.Contracts.Accounts;

namespace Kaolack.Grains.Accounts;

[GenerateSerializer, Alias("kaolack.user-state.v1")]
public sealed class UserState
{
    [Id(0)] public string Email { get; set; } = "";
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public string Organisation { get; set; } = "";
    [Id(3)] public UserRegion Region { get; set; }
    [Id(4)] public UiLanguage Language { get; set; }
    [Id(5)] public Role[] Roles { get; set; } = [];
    [Id(6)] public string PasswordHash { get; set; } = "";
    [Id(7)] public int FailedLogins { get; set; }
    [Id(8)] public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>Renewed by a password change: sessions carrying an older stamp stop working.</summary>
    [Id(9)] public string SecurityStamp { get; set; } = "";
    [Id(10)] public DateTimeOffset CreatedAt { get; set; }

    public bool Exists => Email.Length > 0;
}
