namespace Kaolack.Web.Tests.Organisations;

/// <summary>Organisations of every kind in the one directory: the kind filter, the profile on a phone, contacts for members only.</summary>
public sealed class OrganisationDirectoryTests(WebFixture web) : WebTests(web)
{
    [Fact]
    public async Task A_member_filters_the_directory_by_kind_of_organisation_and_region_and_reads_a_profile_with_its_contact_on_a_phone()
    {
        var page = await Web.SignedInPageAsync(DemoAccounts.OrientalMember, Viewports.Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Organisations", Exact = true }).ClickAsync();
        await page.Locator("#directory-organisation-kind").SelectOptionAsync("chamber");
        await page.GetByRole(AriaRole.Group, new() { Name = "Région" }).GetByRole(AriaRole.Button, new() { Name = "Kaolack" }).ClickAsync();

        var chamber = page.GetByRole(AriaRole.Link, new() { Name = "Chambre de commerce, d'industrie et d'agriculture de Kaolack" });
        await Assertions.Expect(chamber).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chambre régionale d'agriculture de l'Oriental" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Conseil départemental de Kaolack" })).ToHaveCountAsync(0);
        Assert.Contains("genre=chamber", page.Url);
        var listWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(listWidth <= 360, $"The directory is {listWidth} px wide on a 360 px phone.");

        await chamber.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chambre de commerce, d'industrie et d'agriculture de Kaolack", Level = 2 }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Chambre consulaire ou fédération")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Acheteurs d'huile d'olive et de dattes")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "foire@cciak.example.org" })).ToBeVisibleAsync();
        await PageChecks.AssertNoSeriousAccessibilityViolations(page, "organisation profile (phone)");
        var profileWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(profileWidth <= 360, $"The profile is {profileWidth} px wide on a 360 px phone.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_read_only_partner_reads_an_organisation_without_its_contact()
    {
        var page = await Web.SignedInPageAsync(DemoAccounts.Partner);
        await page.GotoAsync("/#/organisations/chambre-commerce-kaolack");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chambre de commerce, d'industrie et d'agriculture de Kaolack", Level = 2 }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Les coordonnées sont réservées aux membres de la plateforme.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("foire@cciak.example.org")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
