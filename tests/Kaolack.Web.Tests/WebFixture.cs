using System.Net.Http.Json;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Plans;
using Kaolack.Web.Tests.Accounts;

namespace Kaolack.Web.Tests;

/// <summary>
/// The real application on Azurite, serving the built front end (silo/Kaolack.Silo/wwwroot, written by
/// `npm run build`), with the demo data of ./run.sh, its e-mail sent over SMTP to a real server started here on a
/// loopback port (tests read the links people would click), and a headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private TestSmtpServer? smtp;
    private AzuriteServer? azurite;
    private SiloHost? host;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public SiloHost Host => host ?? throw new InvalidOperationException("The host is not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not started.");

    public TestSmtpServer Smtp => smtp ?? throw new InvalidOperationException("The SMTP server is not started.");

    public async Task InitializeAsync()
    {
        var webRoot = Path.Combine(RepositoryRoot.Path, "silo", "Kaolack.Silo", "wwwroot");
        if (!File.Exists(Path.Combine(webRoot, "index.html")))
        {
            throw new InvalidOperationException($"The front end is not built ({webRoot}/index.html is missing): run `npm --prefix web run build`.");
        }
        smtp = TestSmtpServer.Start();
        azurite = await AzuriteServer.StartAsync();
        // Every browser test signs in from 127.0.0.1; the limits themselves are tested in Kaolack.Api.Tests.
        var settings = new Dictionary<string, string?>(HostSettings.Unthrottled);
        foreach (var (key, value) in smtp.AppSettings)
        {
            settings[key] = value;
        }
        host = await SiloHost.StartAsync(new SiloHostOptions(azurite.ConnectionString)
        {
            SeedDemoData = true,
            Settings = settings,
            WebRoot = webRoot,
        });
        await DemoDataSeeded(host);

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
        });
    }

    /// <summary>A fresh browser context (own cookies and storage) in French, at phone or desktop size.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = viewport ?? Viewports.Desktop,
        });
        // Generous: the machine running the tests may be busy with other builds.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in through the form as a demo account (they all have <see cref="DemoAccounts.Password"/>).</summary>
    public Task<IPage> SignedInPageAsync(string email, ViewportSize? viewport = null) => SignedInPageAsync(email, DemoAccounts.Password, viewport);

    /// <summary>A fresh page signed in through the form with the given password.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password, ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(viewport);
        await SignInPage.SignIn(page, email, password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
    }

    /// <summary>The seeder runs in the background; the pages are worth testing once every demo project is listed.</summary>
    private static async Task DemoDataSeeded(SiloHost host)
    {
        using var http = await host.CreateClientAsAsync(DemoAccounts.KaolackMember, DemoAccounts.Password);
        await Eventually.True(async () =>
        {
            var page = await http.GetFromJsonAsync<DirectoryPage>("/api/projects/?pageSize=100", SiloHost.Json);
            return page?.Total == DemoCatalog.Shipped.Projects.Count;
        }, "the demo projects to be seeded", TimeSpan.FromSeconds(60));
        // Plans are seeded after the projects: dashboards numbers only settle once every demo task is there.
        foreach (var plan in DemoCatalog.Shipped.Plans)
        {
            await Eventually.True(async () =>
            {
                var snapshot = await http.GetFromJsonAsync<PlanSnapshot>($"/api/projects/{plan.ProjectSlug}/plan", SiloHost.Json);
                return snapshot?.Document.Tasks.Length >= plan.Tasks.Length;
            }, $"the demo plan of {plan.ProjectSlug} to be seeded", TimeSpan.FromSeconds(60));
        }
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("KAOLACK_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium is missing at {path}: ./test.sh installs Debian's chromium (or set KAOLACK_CHROMIUM).");
    }
}
