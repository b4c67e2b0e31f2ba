namespace Kaolack.Web.Tests;

/// <summary>Signs in through the real form, as a person would.</summary>
public static class SignInPage
{
    public static async Task SignIn(IPage page, string email, string password)
    {
        await page.GotoAsync("/#/connexion");
        await page.Locator("#signin-email").FillAsync(email);
        await page.Locator("#signin-password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("connexion"));
    }
}
