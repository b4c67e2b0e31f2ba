namespace Kaolack.Api.Mail;

/// <summary>
/// Sends the platform's e-mail: through SMTP (<see cref="SmtpMailSender"/>) or, without a mail server, into the admins'
/// outbox (<see cref="OutboxMailSender"/>), chosen by configuration.
/// </summary>
public interface IMailSender
{
    /// <summary>False when the message could not be handed over (logged): the caller carries on, the link can be asked for again.</summary>
    Task<bool> Send(OutgoingMail mail, CancellationToken cancellationToken = default);
}
