namespace Kaolack.Client.Tests;

/// <summary>Test hosts without rate limits (as in Kaolack.Api.Tests): a run signs in and writes many times from 127.0.0.1.</summary>
public static class HostSettings
{
    public static IReadOnlyDictionary<string, string?> Unthrottled { get; } = new Dictionary<string, string?>
    {
        ["Kaolack:Hardening:RateLimitingEnabled"] = "false",
        ["Kaolack:Hardening:LoginPermitsPerMinute"] = "100000",
        ["Kaolack:Hardening:RegistrationPermitsPerHour"] = "100000",
        ["Kaolack:Hardening:WritePermitsPerMinute"] = "100000",
    };
}
