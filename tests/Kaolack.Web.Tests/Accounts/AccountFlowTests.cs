namespace Kaolack.Web.Tests.Accounts;

/// <summary>Accounts run from the browser alone: registering, resetting a password, my account, administration.</summary>
public sealed class AccountFlowTests(WebFixture web) : WebTests(web)
{
    private const string FirstPassword = "kaolack-premier-2026";
    private const string NewPassword = "kaolack-nouveau-mot-2026";

    [Fact]
    public async Task A_forgotten_password_is_reset_by_an_emailed_link_that_works_once_and_ends_every_other_session()
    {
        var email = $"khady.{Guid.NewGuid():N}@example.org";
        var first = await Web.NewPageAsync(Viewports.Phone);
        await Register(first, email, "Khady Faye");
        var second = await Web.SignedInPageAsync(email, FirstPassword);

        var forgot = await Web.NewPageAsync(Viewports.Phone);
        await forgot.GotoAsync("/#/connexion");
        await forgot.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await forgot.Locator("#forgot-email").FillAsync(email);
        await PageChecks.AssertNoSeriousAccessibilityViolations(forgot, "forgotten password");
        await forgot.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(forgot.GetByRole(AriaRole.Status).Filter(new() { HasText = email })).ToBeVisibleAsync();

        var link = await AccountMail.LinkFor(Web, email, AccountMail.ResetSubject);
        await forgot.GotoAsync(link);
        await Assertions.Expect(forgot.GetByRole(AriaRole.Heading, new() { Name = "Choisir un nouveau mot de passe" })).ToBeVisibleAsync();
        await PageChecks.AssertNoSeriousAccessibilityViolations(forgot, "reset password");
        await forgot.Locator("#reset-password").FillAsync(NewPassword);
        await forgot.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(forgot.GetByText("Mot de passe changé.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(forgot.Locator("#signin-email")).ToHaveValueAsync(email);

        // Both sessions opened with the old password are over: a reload shows the sign-in form.
        foreach (var before in new[] { first, second })
        {
            await before.ReloadAsync();
            await Assertions.Expect(before.Locator("#signin-email")).ToBeVisibleAsync();
        }

        // The old password no longer opens the account; the new one does.
        await forgot.Locator("#signin-password").FillAsync(FirstPassword);
        await forgot.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(forgot.GetByRole(AriaRole.Alert).Filter(new() { HasText = "mot de passe" })).ToBeVisibleAsync();
        await SignInPage.SignIn(forgot, email, NewPassword);
        await Assertions.Expect(forgot.Locator(".user-menu__button")).ToBeVisibleAsync();

        // The link served once: opened again, it is refused and nothing changes.
        var again = await Web.NewPageAsync();
        await again.GotoAsync(link);
        await again.Locator("#reset-password").FillAsync("kaolack-encore-un-2026");
        await again.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(again.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Ce lien n’est plus valable" })).ToBeVisibleAsync();
        await SignInPage.SignIn(again, email, NewPassword);
        await Assertions.Expect(again.GetByRole(AriaRole.Button, new() { Name = "Khady Faye" })).ToBeVisibleAsync();

        foreach (var page in new[] { first, second, forgot, again })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_admin_opens_an_account_whose_owner_chooses_a_password_sets_English_everywhere_and_signs_out_everywhere()
    {
        var admin = await Web.SignedInPageAsync(Web.Host.Options.AdminEmail, Web.Host.Options.AdminPassword);
        await admin.GetByRole(AriaRole.Button, new() { NameRegex = new("menu du compte") }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Référence de l’API" }).First).ToBeVisibleAsync();
        await PageChecks.AssertNoSeriousAccessibilityViolations(admin, "administration");

        var email = $"ousmane.{Guid.NewGuid():N}@example.org";
        await admin.Locator("#new-account-email").FillAsync(email);
        await admin.Locator("#new-account-displayName").FillAsync("Ousmane Ba");
        await admin.Locator("#new-account-organisation").FillAsync("CECT Kaolack");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le compte" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"Compte ouvert pour {email}.")).ToBeVisibleAsync();
        await admin.Locator("#admin-search").FillAsync("Ousmane");
        await Assertions.Expect(admin.Locator(".admin-account").Filter(new() { HasText = email })).ToBeVisibleAsync();

        // The person follows the e-mailed welcome link and chooses a password.
        var person = await Web.NewPageAsync(Viewports.Phone);
        await person.GotoAsync(await AccountMail.LinkFor(Web, email, AccountMail.WelcomeSubject));
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Bienvenue : choisissez votre mot de passe" })).ToBeVisibleAsync();
        await person.Locator("#reset-password").FillAsync(FirstPassword);
        await person.Locator("form button[type=submit]").ClickAsync();
        await SignInPage.SignIn(person, email, FirstPassword);

        // My account: English is stored on the account, so another device opens in English too.
        await person.GotoAsync("/#/compte");
        await PageChecks.AssertNoSeriousAccessibilityViolations(person, "my account");
        await person.Locator("#account-language").SelectOptionAsync("en");
        await person.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "My account" })).ToBeVisibleAsync();
        Assert.Equal("en", await person.EvaluateAsync<string>("() => document.documentElement.lang"));
        var other = await Web.SignedInPageAsync(email, FirstPassword);
        await Assertions.Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(other.GetByRole(AriaRole.Link, new() { Name = "Directory" })).ToBeVisibleAsync();

        // Signing out everywhere ends the other device's session too.
        await person.GetByRole(AriaRole.Button, new() { Name = "Sign out of every device" }).ClickAsync();
        await Assertions.Expect(person.Locator("#signin-email")).ToBeVisibleAsync();
        await other.ReloadAsync();
        await Assertions.Expect(other.Locator("#signin-email")).ToBeVisibleAsync();

        // Not an admin: no administration, no technical links.
        await SignInPage.SignIn(person, email, FirstPassword);
        await person.GotoAsync("/#/administration");
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Link, new() { Name = "API reference" })).ToHaveCountAsync(0);

        foreach (var page in new[] { admin, person, other })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Registers through the form and verifies the address through the e-mailed link: signed in on return.</summary>
    private async Task Register(IPage page, string email, string name)
    {
        await page.GotoAsync("/#/inscription");
        await page.Locator("#register-email").FillAsync(email);
        await page.Locator("#register-password").FillAsync(FirstPassword);
        await page.Locator("#register-displayName").FillAsync(name);
        await page.Locator("#register-region").SelectOptionAsync("kaolack");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez votre messagerie" })).ToBeVisibleAsync();
        await PageChecks.AssertNoSeriousAccessibilityViolations(page, "check your mail");
        await AccountMail.OpenVerificationLink(Web, page, email, FirstPassword);
        await Assertions.Expect(page.Locator(".user-menu__button")).ToBeVisibleAsync();
    }
}
