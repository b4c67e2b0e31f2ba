using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kaolack.Api.Mail;

/// <summary>E-mail through the configured SMTP server, one connection per message (the platform sends a few an hour).</summary>
public sealed partial class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task<bool> Send(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Headers.Add(HeaderId.ContentLanguage, mail.Language == Kaolack.Contracts.Accounts.UiLanguage.En ? "en" : "fr");
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Text };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Smtp.Timeout);
        try
        {
            using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, Enum.Parse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true), timeout.Token);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", timeout.Token);
            }
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            LogSent(mail.Kind.ToString(), mail.To);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception, mail.Kind.ToString(), mail.To);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Kind} sent to {To}")]
    private partial void LogSent(string kind, string to);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {Kind} to {To} could not be sent")]
    private partial void LogFailed(Exception exception, string kind, string to);
}
