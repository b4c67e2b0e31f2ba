using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Mail;

/// <summary>An e-mail as the platform composed it (in its recipient's language), kept in the outbox when no mail server is configured.</summary>
/// <param name="Link">The one thing the message asks its reader to open (every message of the platform has one).</param>
[GenerateSerializer, Immutable]
public sealed record OutboxMessage(
    [property: Id(0)] long Number,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string To,
    [property: Id(3)] UiLanguage Language,
    [property: Id(4)] MailKind Kind,
    [property: Id(5)] string Subject,
    [property: Id(6)] string Text,
    [property: Id(7)] string Link);
