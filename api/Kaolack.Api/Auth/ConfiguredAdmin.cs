namespace Kaolack.Api.Auth;

/// <summary>The "Kaolack:Admin" configuration section: the first administrator, created on start if missing.</summary>
public sealed class ConfiguredAdmin
{
    public const string Section = "Kaolack:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string DisplayName { get; set; } = "Administrateur";
}
