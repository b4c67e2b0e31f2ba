using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Mail;

namespace Kaolack.Api.Mail;

/// <summary>
/// Composes the platform's e-mails in the recipient's language, with the links of <see cref="PublicLinks"/> and the
/// moments that matter in Dakar's and Oujda's time (Morocco's offset changes during Ramadan: zones, never offsets).
/// </summary>
public sealed class MailComposer(PublicLinks links)
{
    private static readonly TimeZoneInfo Dakar = TimeZoneInfo.FindSystemTimeZoneById("Africa/Dakar");
    private static readonly TimeZoneInfo Oujda = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    public OutgoingMail Verification(string email, AccountLink link, string? returnTo)
    {
        var texts = MailTexts.For(link.Language);
        var url = links.Verification(link.Token, returnTo);
        return Compose(email, link.Language, MailKind.Verification, texts.VerificationSubject, link.DisplayName,
            texts.VerificationBody(url, Until(texts, link.ExpiresAt)), url);
    }

    public OutgoingMail AlreadyRegistered(string email, UiLanguage language, string displayName)
    {
        var texts = MailTexts.For(language);
        var signIn = links.SignIn(email);
        return Compose(email, language, MailKind.AlreadyRegistered, texts.AlreadyRegisteredSubject, displayName,
            texts.AlreadyRegisteredBody(signIn, links.ForgotPassword(email)), signIn);
    }

    public OutgoingMail PasswordReset(string email, AccountLink link)
    {
        var texts = MailTexts.For(link.Language);
        var url = links.PasswordReset(link.Token, welcome: false);
        return Compose(email, link.Language, MailKind.PasswordReset, texts.ResetSubject, link.DisplayName,
            texts.ResetBody(url, Until(texts, link.ExpiresAt)), url);
    }

    public OutgoingMail Welcome(string email, AccountLink link, IEnumerable<Role> roles)
    {
        var texts = MailTexts.For(link.Language);
        var url = links.PasswordReset(link.Token, welcome: true);
        return Compose(email, link.Language, MailKind.Welcome, texts.WelcomeSubject, link.DisplayName,
            texts.WelcomeBody(url, Until(texts, link.ExpiresAt), string.Join(", ", roles.Select(r => texts.Roles[r]))), url);
    }

    /// <param name="recipientName">The invited account's name, or its address when it has none yet.</param>
    public OutgoingMail Invitation(string email, UiLanguage language, string recipientName, string inviter, string project, ProjectRole role,
        string token, DateTimeOffset expiresAt)
    {
        var texts = MailTexts.For(language);
        var url = links.Invitation(token);
        return Compose(email, language, MailKind.Invitation, texts.InvitationSubject(inviter, project), recipientName,
            texts.InvitationBody(inviter, project, texts.RolesAs[role], url, Until(texts, expiresAt), email), url);
    }

    /// <summary>"le 5 mai 2026 à 14:32 (heure de Dakar), 15:32 à Oujda" in the recipient's language.</summary>
    public static string Until(MailTexts texts, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var dakar = TimeZoneInfo.ConvertTime(instant, Dakar);
        var oujda = TimeZoneInfo.ConvertTime(instant, Oujda);
        return texts.Until(dakar.ToString("d MMMM yyyy", texts.Culture), dakar.ToString("HH:mm", texts.Culture), oujda.ToString("HH:mm", texts.Culture));
    }

    private static OutgoingMail Compose(string to, UiLanguage language, MailKind kind, string subject, string name, string body, string link)
    {
        var texts = MailTexts.For(language);
        return new OutgoingMail(to, language, kind, subject, $"{texts.Hello(name)}\n\n{body}\n\n— {texts.Signature}\n", link);
    }
}
