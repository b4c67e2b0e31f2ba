namespace Kaolack.Testing;

/// <summary>Configuration the test hosts start with (SiloHostOptions.Settings).</summary>
public static class HostSettings
{
    /// <summary>
    /// Tests sign in, register and write hundreds of times from 127.0.0.1, which the production limits
    /// (Kaolack:Hardening, per address and per user) would refuse with 429, and guests by the hundred from one address,
    /// which the workshops' own limits (Kaolack:Workshops) would refuse too. Limits are switched off and, should
    /// that switch ever go, set far above what a run sends. Only the rate-limit tests keep real limits.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Unthrottled { get; } = new Dictionary<string, string?>
    {
        ["Kaolack:Hardening:RateLimitingEnabled"] = "false",
        ["Kaolack:Hardening:LoginPermitsPerMinute"] = "100000",
        ["Kaolack:Hardening:RegistrationPermitsPerHour"] = "100000",
        ["Kaolack:Hardening:WritePermitsPerMinute"] = "100000",
        ["Kaolack:Workshops:JoinAttemptBurst"] = "100000",
        ["Kaolack:Workshops:GuestAdmissionBurst"] = "100000",
    };

    /// <summary><see cref="Unthrottled"/> plus the given settings.</summary>
    public static IReadOnlyDictionary<string, string?> UnthrottledWith(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(Unthrottled);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return all;
    }
}
