namespace Kaolack.Api.Tests;

/// <summary>
/// An app whose lockouts and invitations end within seconds instead of 15 minutes and 7 days, so tests can watch
/// them end (Kaolack:Accounts:LockoutDuration, Kaolack:Invitations:Lifetime).
/// </summary>
public sealed class ShortTimesFixture : HostFixture
{
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = HostSettings.UnthrottledWith(
        ("Kaolack:Accounts:LockoutDuration", LockoutDuration.ToString("c")),
        ("Kaolack:Invitations:Lifetime", InvitationLifetime.ToString("c")));
}

[CollectionDefinition(Name)]
public sealed class ShortTimesCollection : ICollectionFixture<ShortTimesFixture>
{
    public const string Name = "short-times";
}
