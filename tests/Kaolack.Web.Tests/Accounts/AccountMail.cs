namespace Kaolack.Web.Tests.Accounts;

/// <summary>Follows the links the app e-mails (read from the test SMTP server), as a person clicking them would.</summary>
public static class AccountMail
{
    public const string VerificationSubject = "Confirmez votre adresse";
    public const string ResetSubject = "Choisir un nouveau mot de passe";
    public const string WelcomeSubject = "Votre compte sur la plateforme";

    /// <summary>The link of the newest message to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public static async Task<string> LinkFor(WebFixture web, string to, string subject) =>
        TestSmtpServer.LinkIn(await web.Smtp.WaitFor(to, subject));

    /// <summary>Opens the e-mailed verification link, types the registration password and waits to be signed in.</summary>
    public static async Task OpenVerificationLink(WebFixture web, IPage page, string email, string password)
    {
        await page.GotoAsync(await LinkFor(web, email, VerificationSubject));
        await page.Locator("#verify-password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => !location.hash.startsWith('#/verification')");
    }
}
