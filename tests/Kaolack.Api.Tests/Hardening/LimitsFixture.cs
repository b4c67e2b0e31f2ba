namespace Kaolack.Api.Tests.Hardening;

/// <summary>
/// An app with its per-account limits on and small (three creations of a kind an hour, a hub budget of
/// <see cref="HubBurst"/> calls then <see cref="HubCallsPerSecond"/> a second per connection), sign-in and writes left
/// unlimited for the set-up; what it logs at Information and above is kept in <see cref="Logs"/>.
/// </summary>
public sealed class LimitsFixture : HostFixture
{
    public const int CreationsPerHour = 3;

    public const int HubBurst = 10;

    public const int HubCallsPerSecond = 5;

    public const int AccountHubBurst = 16;

    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Kaolack:Hardening:RateLimitingEnabled"] = "true",
        ["Kaolack:Hardening:LoginPermitsPerMinute"] = "100000",
        ["Kaolack:Hardening:RegistrationPermitsPerHour"] = "100000",
        ["Kaolack:Hardening:WritePermitsPerMinute"] = "100000",
        ["Kaolack:Hardening:CreationPermitsPerHour"] = $"{CreationsPerHour}",
        ["Kaolack:Hardening:HubCallsPerSecondPerConnection"] = $"{HubCallsPerSecond}",
        ["Kaolack:Hardening:HubCallBurstPerConnection"] = $"{HubBurst}",
        ["Kaolack:Hardening:HubCallsPerSecondPerAccount"] = $"{HubCallsPerSecond}",
        ["Kaolack:Hardening:HubCallBurstPerAccount"] = $"{AccountHubBurst}",
    };

    protected override Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> ConfigureBuilder => builder => Logs.AddTo(builder.Logging);
}

[CollectionDefinition(Name)]
public sealed class LimitsCollection : ICollectionFixture<LimitsFixture>
{
    public const string Name = "limits";
}
