using System.Globalization;
using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Mail;

public static class MailTextsEn
{
    public static MailTexts Texts { get; } = new()
    {
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        Hello = name => $"Hello {name},",
        Signature = "The Kaolack ⇄ Oriental cooperation platform",
        Until = (date, dakar, oujda) => $"{date} at {dakar} (Dakar time), {oujda} in Oujda",
        VerificationSubject = "Confirm your address — Kaolack ⇄ Oriental",
        VerificationBody = (link, until) =>
            $"To activate your account, open this link and enter the password you chose when registering:\n\n{link}\n\n" +
            $"This link works until {until}.\n\n" +
            "You did not create an account? Ignore this message: nothing will happen without you.",
        AlreadyRegisteredSubject = "You already have an account — Kaolack ⇄ Oriental",
        AlreadyRegisteredBody = (signIn, forgot) =>
            "Someone, perhaps you, tried to create an account with this address, which already has one. Nothing has changed.\n\n" +
            $"To sign in:\n{signIn}\n\nForgot your password? Choose a new one here:\n{forgot}",
        ResetSubject = "Choose a new password — Kaolack ⇄ Oriental",
        ResetBody = (link, until) =>
            $"To choose a new password, open this link:\n\n{link}\n\n" +
            $"This link works until {until}, once. Every session you have open will be signed out.\n\n" +
            "You did not ask for this? Ignore this message: your password stays the same.",
        WelcomeSubject = "Your account on the Kaolack ⇄ Oriental platform",
        WelcomeBody = (link, until, roles) =>
            $"An account was opened for you on the Kaolack ⇄ Oriental cooperation platform ({roles}).\n\n" +
            $"Choose your password by opening this link:\n\n{link}\n\nThis link works until {until}, once.",
        InvitationSubject = (inviter, project) => $"{inviter} invites you to the project “{project}”",
        InvitationBody = (inviter, project, roleAs, link, until, email) =>
            $"{inviter} invites you to join the joint project “{project}” {roleAs}.\n\n" +
            $"To accept, open this link:\n\n{link}\n\n" +
            $"No account yet? Create one from that page with this address ({email}).\n" +
            $"The invitation works until {until}.",
        RolesAs = new Dictionary<ProjectRole, string>
        {
            [ProjectRole.Owner] = "as an owner",
            [ProjectRole.Editor] = "as an editor",
            [ProjectRole.Viewer] = "as a viewer",
        },
        Roles = new Dictionary<Role, string>
        {
            [Role.Admin] = "administration",
            [Role.Coach] = "coach",
            [Role.Partner] = "partner",
            [Role.Member] = "member",
        },
    };
}
