using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Mail;

namespace Kaolack.Api.Mail;

/// <summary>A message composed for one recipient, in their language, around the one link it asks them to open.</summary>
public sealed record OutgoingMail(string To, UiLanguage Language, MailKind Kind, string Subject, string Text, string Link);
