namespace Kaolack.Api.Mail;

/// <summary>
/// The "Kaolack:Mail" configuration section. With <see cref="SmtpOptions.Host"/> set, e-mail goes through that SMTP
/// server; without it (the default of ./run.sh) every message is kept in the admins' outbox and logged instead.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Kaolack:Mail";

    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "plateforme@kaolack-oriental.invalid";

    public string FromName { get; set; } = "Kaolack ⇄ Oriental";

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's <c>SecureSocketOptions</c> by name: Auto, None, StartTls, StartTlsWhenAvailable, SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>Signs in to the server when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one message may take to send before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
