using System.Globalization;

namespace Kaolack.Web.Tests.Hosting;

/// <summary>
/// With no signal the app still opens: the service worker serves the app shell it stored, and the directory and a project
/// as last seen, which the page says are read-only and how old they are. It is installable (a web app manifest).
/// </summary>
public sealed class OfflineTests(WebFixture web) : WebTests(web)
{
    private const string DemoProject = "echanges-huile-olive-arachide";

    private const string DemoProjectTitle = "Échanges de savoir-faire : huile d'olive de l'Oriental ⇄ huile d'arachide de Kaolack";

    [Fact]
    public async Task With_no_signal_the_app_opens_on_the_last_seen_directory_and_project_read_only_with_their_age()
    {
        var page = await Web.SignedInPageAsync(DemoAccounts.KaolackMember, Viewports.Phone);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        // The member comes back later, online: from now on the worker sees the page's reads and keeps them.
        await page.ReloadAsync();
        var coopLink = page.GetByRole(AriaRole.Link, new() { Name = "Coopérative Zitoun de Taourirt" });
        await page.GotoAsync("/#/");
        await Assertions.Expect(coopLink).ToBeVisibleAsync();
        await page.GotoAsync($"/#/projets/{DemoProject}");
        var projectTitle = page.GetByRole(AriaRole.Heading, new() { Name = DemoProjectTitle });
        await Assertions.Expect(projectTitle).ToBeVisibleAsync();
        var banner = page.Locator(".offline-banner");
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        var seenBefore = DateTimeOffset.UtcNow;

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("about:blank");
        await page.GotoAsync("/#/");

        await Assertions.Expect(coopLink).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Hors ligne");
        await Assertions.Expect(banner).ToContainTextAsync("lecture seule");
        var savedAt = DateTimeOffset.Parse((await banner.GetAttributeAsync("data-saved-at"))!, CultureInfo.InvariantCulture);
        Assert.InRange(savedAt, seenBefore.AddMinutes(-5), seenBefore);

        await page.GotoAsync($"/#/projets/{DemoProject}");
        await Assertions.Expect(projectTitle).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_links_a_web_app_manifest_that_names_the_app_and_its_icon()
    {
        var page = await Web.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/");
        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        using var http = new HttpClient { BaseAddress = Web.Host.BaseAddress };
        var manifest = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, href);

        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Contains("Kaolack", manifest.GetProperty("name").GetString(), StringComparison.Ordinal);
        var icon = manifest.GetProperty("icons")[0].GetProperty("src").GetString();
        Assert.True((await http.GetAsync(icon)).IsSuccessStatusCode, $"icon {icon}");
        await page.Context.CloseAsync();
    }
}
