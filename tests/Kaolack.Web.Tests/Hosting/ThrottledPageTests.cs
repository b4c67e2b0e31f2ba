using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Kaolack.Web.Tests.Accounts;
using Xunit.Abstractions;

namespace Kaolack.Web.Tests.Hosting;

/// <summary>
/// The pages a member uses most, on a phone over a bad link (400 kbit/s both ways, 400 ms round trip, emulated by
/// Chromium's DevTools protocol), from an empty cache and from a warm one: each comes up, and the warm load asks the
/// server for no unchanged script or style. Service workers are blocked: the emulation does not reach a worker's own
/// requests, so this is the HTTP path (a first visit, or a browser without the worker). The times are printed and
/// recorded in docs/BENCHMARKS.md against the issue's budgets (2.5 s cold, 1 s warm), which most pages do not meet yet;
/// each load is timed twice and the faster counts (the network is emulated exactly, the machine's other work is not).
/// </summary>
public sealed class ThrottledPageTests(WebFixture web, ITestOutputHelper output) : WebTests(web)
{
    private const string DemoProject = "echanges-huile-olive-arachide";

    [Fact]
    public Task The_sign_in_page_comes_up_and_reloads_without_asking_for_unchanged_assets() =>
        Measured("sign-in", null, "/#/connexion", page => page.Locator("#signin-email"));

    [Fact]
    public Task The_directory_comes_up_and_reloads_without_asking_for_unchanged_assets() =>
        Measured("directory", DemoAccounts.KaolackMember, "/#/", page => page.GetByRole(AriaRole.Link, new() { Name = "Coopérative Zitoun de Taourirt" }));

    [Fact]
    public Task The_project_workspace_comes_up_and_reloads_without_asking_for_unchanged_assets() =>
        Measured("project", DemoAccounts.KaolackMember, $"/#/projets/{DemoProject}", page => page.Locator(".plan section, .plan li").First);

    [Fact]
    public Task The_dashboard_comes_up_and_reloads_without_asking_for_unchanged_assets() =>
        Measured("dashboard", DemoAccounts.Partner, "/#/tableau-de-bord",
            page => page.Locator($"#dashboard-projects tr[data-slug='{DemoProject}'] td[data-cell=tasks]").Filter(new() { HasTextRegex = new(@"\d+ / \d+") }));

    private async Task Measured(string name, string? email, string path, Func<IPage, ILocator> usable)
    {
        var context = await Web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Web.Host.BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = Viewports.Phone,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (email is not null)
        {
            await SignInPage.SignIn(page, email, DemoAccounts.Password);
        }
        var network = await ThrottledNetwork.Attach(page);

        var cold = TimeSpan.MaxValue;
        var warm = TimeSpan.MaxValue;
        var warmAssetRequests = new List<string>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await page.GotoAsync("about:blank");
            await network.ClearCache();
            cold = Min(cold, await TimeUntilUsable(page, path, usable));

            await page.GotoAsync("about:blank");
            network.Forget();
            warm = Min(warm, await TimeUntilUsable(page, path, usable));
            warmAssetRequests = network.AssetsFromServer();
        }

        output.WriteLine($"{name}: cold {cold.TotalMilliseconds:F0} ms, warm {warm.TotalMilliseconds:F0} ms, " +
            $"warm requests: {string.Join(", ", network.FromServer())}");
        Assert.Empty(warmAssetRequests);
        await context.CloseAsync();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task<TimeSpan> TimeUntilUsable(IPage page, string path, Func<IPage, ILocator> usable)
    {
        var started = Stopwatch.GetTimestamp();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(usable(page)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The page's network throttled through the DevTools protocol, and what of it reached the server.</summary>
    private sealed class ThrottledNetwork
    {
        /// <summary>400 kbit/s in bytes per second.</summary>
        private const double BytesPerSecond = 400_000 / 8.0;

        private const double RoundTripMilliseconds = 400;

        private readonly ICDPSession session;
        private readonly ConcurrentDictionary<string, byte> servedFromCache = new();
        private readonly ConcurrentQueue<(string RequestId, string Url, bool Cached)> responses = new();

        private ThrottledNetwork(ICDPSession session) => this.session = session;

        public static async Task<ThrottledNetwork> Attach(IPage page)
        {
            var network = new ThrottledNetwork(await page.Context.NewCDPSessionAsync(page));
            network.session.Event("Network.requestServedFromCache").OnEvent += (_, e) =>
            {
                if (e is { } data)
                {
                    network.servedFromCache[data.GetProperty("requestId").GetString()!] = 0;
                }
            };
            network.session.Event("Network.responseReceived").OnEvent += (_, e) =>
            {
                if (e is { } data)
                {
                    var response = data.GetProperty("response");
                    var cached = Flag(response, "fromDiskCache") || Flag(response, "fromServiceWorker") || Flag(response, "fromPrefetchCache");
                    network.responses.Enqueue((data.GetProperty("requestId").GetString()!, response.GetProperty("url").GetString()!, cached));
                }
            };
            await network.session.SendAsync("Network.enable");
            await network.session.SendAsync("Network.emulateNetworkConditions", new()
            {
                ["offline"] = false,
                ["latency"] = RoundTripMilliseconds,
                ["downloadThroughput"] = BytesPerSecond,
                ["uploadThroughput"] = BytesPerSecond,
            });
            return network;
        }

        public async Task ClearCache()
        {
            await session.SendAsync("Network.clearBrowserCache");
            Forget();
        }

        public void Forget()
        {
            responses.Clear();
            servedFromCache.Clear();
        }

        /// <summary>The paths of the responses that came from the server since <see cref="Forget"/>.</summary>
        public List<string> FromServer() =>
            [.. responses.Where(r => !r.Cached && !servedFromCache.ContainsKey(r.RequestId) && r.Url.StartsWith("http", StringComparison.Ordinal))
                .Select(r => new Uri(r.Url).AbsolutePath)];

        public List<string> AssetsFromServer() => [.. FromServer().Where(p => p.StartsWith("/assets/", StringComparison.Ordinal))];

        private static bool Flag(JsonElement response, string name) =>
            response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
    }
}
