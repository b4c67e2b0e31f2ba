namespace Kaolack.Api.Tests;

/// <summary>
/// An app whose lockouts, invitations and plan presence end within seconds instead of 15 minutes, 7 days and 15 seconds,
/// so tests can watch them end (Kaolack:Accounts:LockoutDuration, Kaolack:Invitations:Lifetime, Kaolack:Presence:Ttl).
/// </summary>
public sealed class ShortTimesFixture : HostFixture
{
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan PresenceTtl = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = HostSettings.UnthrottledWith(
        ("Kaolack:Accounts:LockoutDuration", LockoutDuration.ToString("c")),
        ("Kaolack:Invitations:Lifetime", InvitationLifetime.ToString("c")),
        ("Kaolack:Presence:Ttl", PresenceTtl.ToString("c")));
}

[CollectionDefinition(Name)]
public sealed class ShortTimesCollection : ICollectionFixture<ShortTimesFixture>
{
    public const string Name = "short-times";
}
