using System.Net.Http.Json;
using Kaolack.Web.Tests.Accounts;

namespace Kaolack.Web.Tests.Directory;

public sealed class DirectoryTests(WebFixture web) : WebTests(web)
{
    [Fact]
    public async Task A_new_account_registers_searches_the_directory_with_a_filter_and_opens_a_profile()
    {
        var page = await Web.NewPageAsync();
        await page.GotoAsync("/#/inscription");
        await PageChecks.AssertNoSeriousAccessibilityViolations(page, "register");
        var email = $"fatou.{Guid.NewGuid():N}@example.org";
        await page.Locator("#register-email").FillAsync(email);
        await page.Locator("#register-password").FillAsync("kaolack-nouveau-2026");
        await page.Locator("#register-displayName").FillAsync("Fatou Diouf");
        await page.Locator("#register-organisation").FillAsync("GIE Book Jom");
        await page.Locator("#register-region").SelectOptionAsync("kaolack");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();

        // The address is verified through the e-mailed link, with the password chosen; then signed in, on the directory.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez votre messagerie" })).ToBeVisibleAsync();
        await AccountMail.OpenVerificationLink(Web, page, email, "kaolack-nouveau-2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Fatou Diouf" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Coopérative Zitoun de Taourirt" })).ToBeVisibleAsync();

        // Cooperatives only, GIE only, from the Oriental: one of the demo GIEs.
        await page.GetByRole(AriaRole.Button, new() { Name = "Coopératives", Exact = true }).ClickAsync();
        await page.Locator("#directory-legal-form").SelectOptionAsync("gie");
        await page.GetByRole(AriaRole.Group, new() { Name = "Région" }).GetByRole(AriaRole.Button, new() { Name = "Oriental" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "GIE Romarin des Hauts Plateaux" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Coopérative Zitoun de Taourirt" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "GIE des femmes transformatrices de céréales locales de Kahone" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projets communs" })).ToHaveCountAsync(0);
        Assert.Contains("type=cooperatives", page.Url);
        Assert.Contains("forme=gie", page.Url);
        Assert.Contains("region=oriental", page.Url);

        // The filtered list is a link: opened afresh, it shows the same thing.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "GIE Romarin des Hauts Plateaux" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#directory-legal-form")).ToHaveValueAsync("gie");

        // Free text narrows further and clears back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tout", Exact = true }).ClickAsync();
        await page.Locator("#directory-search").FillAsync("miel");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Coopérative apicole Nahla de Debdou" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "GIE Romarin des Hauts Plateaux" })).ToHaveCountAsync(0);
        Assert.Contains("q=miel", page.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "Coopérative apicole Nahla de Debdou" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coopérative apicole Nahla de Debdou", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Debdou").First).ToBeVisibleAsync();
        // Not a member of it: nothing to edit.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Modifier le profil" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_directory_and_a_profile_have_no_serious_accessibility_violations_and_fit_a_phone()
    {
        foreach (var (viewport, suffix) in new[] { (Viewports.Desktop, "desktop"), (Viewports.Phone, "phone") })
        {
            var page = await Web.SignedInPageAsync(DemoAccounts.KaolackMember, viewport);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoCatalog.Shipped.Cooperatives[0].Profile.Name })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".conn--online")).ToBeVisibleAsync();
            await PageChecks.AssertNoSeriousAccessibilityViolations(page, $"directory ({suffix})");
            if (suffix == "phone")
            {
                var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
                Assert.True(width <= 360, $"The directory is {width} px wide on a 360 px phone.");
            }
            await PageChecks.Screenshot(page, $"directory-{suffix}");

            await page.GetByRole(AriaRole.Link, new() { Name = DemoCatalog.Shipped.Cooperatives[0].Profile.Name }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partenaires suggérés" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".suggestion").First).ToBeVisibleAsync();
            await PageChecks.AssertNoSeriousAccessibilityViolations(page, $"profile ({suffix})");
            if (suffix == "phone")
            {
                var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
                Assert.True(width <= 360, $"The profile is {width} px wide on a 360 px phone.");
            }
            await PageChecks.Screenshot(page, $"profile-{suffix}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Switching_to_English_changes_the_interface_and_the_account_language_applies_at_sign_in()
    {
        // An account of its own: the switch is stored on the account, and the demo accounts serve every other test in French.
        var email = $"anglais.{Guid.NewGuid():N}@example.org";
        using (var http = Web.Host.CreateClient())
        {
            using var registered = await http.PostAsJsonAsync("/api/auth/register", Samples.Registration(email) with { DisplayName = "Binta Faye" });
            registered.EnsureSuccessStatusCode();
            await SiloHost.VerifyAsync(http, Outbox.TokenOf(await AccountMail.LinkFor(Web, email, AccountMail.VerificationSubject)), Samples.Password);
        }
        var page = await Web.NewPageAsync();
        await page.GotoAsync("/#/connexion");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("E-mail address")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create an account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // The account speaks French: signing in switches back to it.
        await SignInPage.SignIn(page, email, Samples.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coopératives" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Binta Faye" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cooperatives" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Diaspora groups" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Joint projects" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByPlaceholder("Name, town, value chain…")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.Context.CloseAsync();
    }
}
