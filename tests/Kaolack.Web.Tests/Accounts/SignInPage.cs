namespace Kaolack.Web.Tests.Accounts;

/// <summary>Signs in through the real form, as a person would.</summary>
public static class SignInPage
{
    public static async Task SignIn(IPage page, string email, string password)
    {
        await page.GotoAsync("/#/connexion");
        await page.Locator("#signin-email").FillAsync(email);
        await page.Locator("#signin-password").FillAsync(password);
        // By type, not by name: the form may be shown in English.
        await page.Locator("form button[type=submit]").ClickAsync();
        // The app routes by hash: leaving the sign-in page is a same-document change with no load event to wait
        // for, so the page itself is asked (polled) until the session moved it on.
        await page.WaitForFunctionAsync("() => !location.hash.startsWith('#/connexion')");
    }
}
