using Kaolack.Contracts.Mail;
using Microsoft.Extensions.Logging;

namespace Kaolack.Api.Mail;

/// <summary>Without a mail server: every message is stored in the admins' outbox (shown on the admin page) and logged.</summary>
public sealed partial class OutboxMailSender(IGrainFactory grains, ILogger<OutboxMailSender> logger) : IMailSender
{
    public async Task<bool> Send(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        try
        {
            var stored = await grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key)
                .Append(new OutboxMessage(0, default, mail.To, mail.Language, mail.Kind, mail.Subject, mail.Text, mail.Link));
            LogKept(stored.Number, mail.Kind.ToString(), mail.To, mail.Subject, mail.Link);
            return true;
        }
        catch (Exception exception)
        {
            LogFailed(exception, mail.Kind.ToString(), mail.To);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail #{Number} ({Kind}) to {To} kept in the outbox (no SMTP server configured): {Subject} — {Link}")]
    private partial void LogKept(long number, string kind, string to, string subject, string link);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {Kind} to {To} could not be kept in the outbox")]
    private partial void LogFailed(Exception exception, string kind, string to);
}
