namespace Kaolack.Api.Auth;

/// <summary>The "Kaolack:Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Kaolack:Auth";

    /// <summary>Secure cookies (HTTPS only). Defaults to true outside Development.</summary>
    public bool? SecureCookies { get; set; }

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan BearerTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long any session can still be used after its last request: what a signed-out session is remembered for.</summary>
    public TimeSpan LongestSession => SessionLifetime > BearerTokenLifetime ? SessionLifetime : BearerTokenLifetime;
}
