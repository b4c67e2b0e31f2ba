namespace Kaolack.Api.Hardening;

/// <summary>Request limits, bound from <c>Kaolack:Hardening</c>.</summary>
public sealed class HardeningOptions
{
    public const string Section = "Kaolack:Hardening";

    /// <summary>
    /// Off lets test hosts that replay hundreds of writes from one loopback address run unthrottled; the policies
    /// stay registered (without a limit) so endpoints that name them still resolve.
    /// </summary>
    public bool RateLimitingEnabled { get; set; } = true;

    /// <summary>Sign-in attempts per client address: slows password guessing without locking out a person who mistypes.</summary>
    public int LoginPermitsPerMinute { get; set; } = 10;

    /// <summary>Account creations per client address: a cooperative registers a few members, a bot thousands.</summary>
    public int RegistrationPermitsPerHour { get; set; } = 20;

    /// <summary>Writes per signed-in user (per client address when anonymous).</summary>
    public int WritePermitsPerMinute { get; set; } = 120;

    /// <summary>
    /// Origins besides the server's own whose pages may use the hub and send cookie-authenticated writes
    /// (<see cref="OriginCheck"/>), e.g. "https://kaolack-oriental.org" when the page is served from another name than the API.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Creations per signed-in user and kind (projects, organisations, workshops, named plan versions): a programme's
    /// people create a few a day; a script, hundreds a minute.
    /// </summary>
    public int CreationPermitsPerHour { get; set; } = 30;

    /// <summary>
    /// Hub calls per connection and second, sustained (one token each, plus one per KB of arguments): typing in a plan
    /// sends one op at a time, each after the previous is answered, plus presence updates.
    /// </summary>
    public int HubCallsPerSecondPerConnection { get; set; } = 20;

    /// <summary>Hub calls one connection may send at once before the sustained rate applies (a reconnection's subscriptions and queued edits).</summary>
    public int HubCallBurstPerConnection { get; set; } = 300;

    /// <summary>Hub calls per account and second over all its connections (a person's tabs and devices).</summary>
    public int HubCallsPerSecondPerAccount { get; set; } = 40;

    public int HubCallBurstPerAccount { get; set; } = 600;
}
