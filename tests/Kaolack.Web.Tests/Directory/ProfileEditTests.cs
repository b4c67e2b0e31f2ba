using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kaolack.Contracts.Cooperatives;

namespace Kaolack.Web.Tests.Directory;

public sealed class ProfileEditTests(WebFixture web) : WebTests(web)
{
    [Fact]
    public async Task A_member_edits_the_profile_of_their_cooperative_in_place()
    {
        var cooperative = DemoCatalog.Shipped.Cooperatives[1];
        var page = await OpenForEditing(cooperative.Slug);
        await PageChecks.AssertNoSeriousAccessibilityViolations(page, "profile edit form");
        await PageChecks.Screenshot(page, "profile-edit-desktop");
        await page.SetViewportSizeAsync(Viewports.Phone.Width, Viewports.Phone.Height);
        await PageChecks.Screenshot(page, "profile-edit-phone");
        await page.SetViewportSizeAsync(Viewports.Desktop.Width, Viewports.Desktop.Height);

        // A bad value is shown on its field, nothing is sent.
        await page.Locator("#profile-memberCount").FillAsync("beaucoup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#profile-memberCount-error")).ToHaveTextAsync("Saisissez un nombre entier, par exemple 40.");
        await Assertions.Expect(page.Locator("#profile-memberCount")).ToBeFocusedAsync();

        await page.Locator("#profile-memberCount").FillAsync("57");
        await page.Locator("#profile-description").FillAsync("Transformatrices de mil et de maïs, ouvertes aux échanges avec Berkane.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Profil enregistré.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Transformatrices de mil et de maïs, ouvertes aux échanges avec Berkane.")).ToBeVisibleAsync();
        using var http = await Web.Host.CreateClientAsAsync(DemoAccounts.KaolackMember, DemoAccounts.Password);
        var saved = await http.GetFromJsonAsync<Cooperative>($"/api/cooperatives/{cooperative.Slug}", SiloHost.Json);
        Assert.Equal(("Transformatrices de mil et de maïs, ouvertes aux échanges avec Berkane.", 57), (saved!.Profile.Description, saved.Profile.MemberCount));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_save_after_someone_else_saved_shows_both_versions_overwrites_nothing_and_retries()
    {
        var cooperative = DemoCatalog.Shipped.Cooperatives[0];
        var page = await OpenForEditing(cooperative.Slug);
        await page.Locator("#profile-description").FillAsync("Version de la page : huile d'arachide pressée à froid.");

        // Meanwhile, someone saves through the API: another description and another commune.
        using var http = await Web.Host.CreateClientAsAsync(DemoAccounts.KaolackMember, DemoAccounts.Password);
        var response = await http.GetAsync($"/api/cooperatives/{cooperative.Slug}");
        var read = (await response.Content.ReadFromJsonAsync<Cooperative>(SiloHost.Json))!;
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/cooperatives/{cooperative.Slug}")
        {
            Content = JsonContent.Create(read.Profile with { Description = "Version de l'API : huile filtrée.", Commune = "Ndoffane Lagheme" }, options: SiloHost.Json),
        })
        {
            put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(response.Headers.ETag!.Tag));
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(put)).StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        var conflict = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Quelqu’un a modifié ce profil entre-temps — vérifiez puis réessayez." });
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict.GetByRole(AriaRole.Row, new() { Name = "Présentation" })).ToContainTextAsync("Version de l'API : huile filtrée.");
        await Assertions.Expect(conflict.GetByRole(AriaRole.Row, new() { Name = "Présentation" })).ToContainTextAsync("Version de la page : huile d'arachide pressée à froid.");
        await Assertions.Expect(conflict.GetByRole(AriaRole.Row, new() { Name = "Commune" })).ToContainTextAsync("Ndoffane Lagheme");
        await PageChecks.AssertNoSeriousAccessibilityViolations(page, "profile edit conflict");
        await PageChecks.Screenshot(page, "profile-conflict-desktop");
        await page.SetViewportSizeAsync(Viewports.Phone.Width, Viewports.Phone.Height);
        await PageChecks.Screenshot(page, "profile-conflict-phone");
        await page.SetViewportSizeAsync(Viewports.Desktop.Width, Viewports.Desktop.Height);

        // Nothing was overwritten.
        var kept = await http.GetFromJsonAsync<Cooperative>($"/api/cooperatives/{cooperative.Slug}", SiloHost.Json);
        Assert.Equal(("Version de l'API : huile filtrée.", "Ndoffane Lagheme"), (kept!.Profile.Description, kept.Profile.Commune));

        // Retrying keeps the page's description and the other side's commune.
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Enregistrer ma version" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Profil enregistré.")).ToBeVisibleAsync();
        var merged = await http.GetFromJsonAsync<Cooperative>($"/api/cooperatives/{cooperative.Slug}", SiloHost.Json);
        Assert.Equal(("Version de la page : huile d'arachide pressée à froid.", "Ndoffane Lagheme"), (merged!.Profile.Description, merged.Profile.Commune));
        Assert.Equal(kept.Meta.Version + 1, merged.Meta.Version);
        await page.Context.CloseAsync();
    }

    /// <summary>Signs in as the Kaolack member (a member of every Kaolack demo cooperative) and opens the edit form.</summary>
    private async Task<IPage> OpenForEditing(string slug)
    {
        var page = await Web.SignedInPageAsync(DemoAccounts.KaolackMember);
        await page.GotoAsync($"/#/cooperatives/{slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier le profil" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Modifier le profil" })).ToBeVisibleAsync();
        return page;
    }
}
