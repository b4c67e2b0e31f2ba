using System.Globalization;
using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Mail;

/// <summary>
/// The words of the platform's e-mails in one language. Every member is required, so a language that lacks a text
/// does not compile (the same rule as the web app's fr.ts and en.ts). French is written first: <see cref="MailTextsFr"/>.
/// </summary>
public sealed record MailTexts
{
    public required CultureInfo Culture { get; init; }

    public required Func<string, string> Hello { get; init; }

    public required string Signature { get; init; }

    /// <summary>A moment in both regions' clocks: (date, time in Dakar, time in Oujda).</summary>
    public required Func<string, string, string, string> Until { get; init; }

    public required string VerificationSubject { get; init; }

    public required Func<string, string, string> VerificationBody { get; init; }

    public required string AlreadyRegisteredSubject { get; init; }

    /// <summary>(sign-in link, forgotten-password link).</summary>
    public required Func<string, string, string> AlreadyRegisteredBody { get; init; }

    public required string ResetSubject { get; init; }

    public required Func<string, string, string> ResetBody { get; init; }

    public required string WelcomeSubject { get; init; }

    /// <summary>(link, until, roles).</summary>
    public required Func<string, string, string, string> WelcomeBody { get; init; }

    /// <summary>(inviter, project).</summary>
    public required Func<string, string, string> InvitationSubject { get; init; }

    /// <summary>(inviter, project, role as, link, until, invited address).</summary>
    public required Func<string, string, string, string, string, string, string> InvitationBody { get; init; }

    public required IReadOnlyDictionary<ProjectRole, string> RolesAs { get; init; }

    public required IReadOnlyDictionary<Role, string> Roles { get; init; }

    public static MailTexts For(UiLanguage language) => language == UiLanguage.En ? MailTextsEn.Texts : MailTextsFr.Texts;
}
