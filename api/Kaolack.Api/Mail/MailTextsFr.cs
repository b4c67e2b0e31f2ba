using System.Globalization;
using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Mail;

public static class MailTextsFr
{
    public static MailTexts Texts { get; } = new()
    {
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        Hello = name => $"Bonjour {name},",
        Signature = "La plateforme de coopération Kaolack ⇄ Oriental",
        Until = (date, dakar, oujda) => $"le {date} à {dakar} (heure de Dakar), {oujda} à Oujda",
        VerificationSubject = "Confirmez votre adresse — Kaolack ⇄ Oriental",
        VerificationBody = (link, until) =>
            $"Pour activer votre compte, ouvrez ce lien puis saisissez le mot de passe choisi à l'inscription :\n\n{link}\n\n" +
            $"Ce lien est valable jusqu'au {until}.\n\n" +
            "Vous n'avez pas créé de compte ? Ignorez ce message : rien ne se fera sans vous.",
        AlreadyRegisteredSubject = "Vous avez déjà un compte — Kaolack ⇄ Oriental",
        AlreadyRegisteredBody = (signIn, forgot) =>
            "Quelqu'un, peut-être vous, a voulu créer un compte avec cette adresse, qui en a déjà un. Rien n'a changé.\n\n" +
            $"Pour vous connecter :\n{signIn}\n\nMot de passe oublié ? Choisissez-en un nouveau ici :\n{forgot}",
        ResetSubject = "Choisir un nouveau mot de passe — Kaolack ⇄ Oriental",
        ResetBody = (link, until) =>
            $"Pour choisir un nouveau mot de passe, ouvrez ce lien :\n\n{link}\n\n" +
            $"Ce lien est valable jusqu'au {until} et ne sert qu'une fois. Toutes vos sessions ouvertes seront fermées.\n\n" +
            "Vous n'avez rien demandé ? Ignorez ce message : votre mot de passe reste le même.",
        WelcomeSubject = "Votre compte sur la plateforme Kaolack ⇄ Oriental",
        WelcomeBody = (link, until, roles) =>
            $"Un compte a été ouvert pour vous sur la plateforme de coopération Kaolack ⇄ Oriental ({roles}).\n\n" +
            $"Choisissez votre mot de passe en ouvrant ce lien :\n\n{link}\n\nCe lien est valable jusqu'au {until} et ne sert qu'une fois.",
        InvitationSubject = (inviter, project) => $"{inviter} vous invite au projet « {project} »",
        InvitationBody = (inviter, project, roleAs, link, until, email) =>
            $"{inviter} vous invite à rejoindre le projet commun « {project} » {roleAs}.\n\n" +
            $"Pour accepter, ouvrez ce lien :\n\n{link}\n\n" +
            $"Pas encore de compte ? Créez-le depuis cette page avec cette adresse ({email}).\n" +
            $"L'invitation est valable jusqu'au {until}.",
        RolesAs = new Dictionary<ProjectRole, string>
        {
            [ProjectRole.Owner] = "en tant que propriétaire",
            [ProjectRole.Editor] = "en tant qu'éditeur·rice",
            [ProjectRole.Viewer] = "en tant que lecteur·rice",
        },
        Roles = new Dictionary<Role, string>
        {
            [Role.Admin] = "administration",
            [Role.Coach] = "accompagnement",
            [Role.Partner] = "partenaire",
            [Role.Member] = "membre",
        },
    };
}
