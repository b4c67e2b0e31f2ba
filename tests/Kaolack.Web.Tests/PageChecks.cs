using System.Text.Json;

namespace Kaolack.Web.Tests;

/// <summary>Checks every browser test can run on a page: accessibility (axe-core) and screenshots.</summary>
public static class PageChecks
{
    private static readonly string AxeScript = Path.Combine(RepositoryRoot.Path, "web", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Runs axe-core (installed from npm with the web dependencies) and fails on serious or critical violations.</summary>
    /// <param name="within">A CSS selector to check only part of the page (its own content, when the shared header is checked elsewhere).</param>
    public static async Task AssertNoSeriousAccessibilityViolations(IPage page, string pageName, string? within = null)
    {
        if (!File.Exists(AxeScript))
        {
            throw new InvalidOperationException($"axe-core is missing at {AxeScript}: run `npm ci` in web/ (./test.sh does).");
        }
        // Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the app's CSP.
        await page.EvaluateAsync($"() => {{ {await File.ReadAllTextAsync(AxeScript)}\n}}");
        var violations = await page.EvaluateAsync<JsonElement>("""
            async within => (await axe.run(within === null ? document : document.querySelector(within), { resultTypes: ["violations"] })).violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")}`)
            """, within);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe-core on the {pageName} page:\n{string.Join("\n", found)}");
    }

    /// <summary>
    /// Saves a full-page screenshot under the test results, and under docs/screenshots when
    /// KAOLACK_UPDATE_SCREENSHOTS=1 (how the pictures in the docs are refreshed when the UI changes).
    /// </summary>
    public static async Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("KAOLACK_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot.Path, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
