namespace Kaolack.Api.Auth;

/// <summary>The "Kaolack:Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Kaolack:Auth";

    /// <summary>Secure cookies (HTTPS only). Defaults to true outside Development.</summary>
    public bool? SecureCookies { get; set; }

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan BearerTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
