using System.Diagnostics;

namespace Kaolack.Api.Tests.Health;

/// <summary>
/// Health that tells the truth quickly: liveness, readiness and the whole picture, each within its bound even when
/// storage stalls (the test's own Azurite is frozen with SIGSTOP), and details (which name the storage account and the
/// silos) for administrators only. Before, /health answered anyone with every detail, and not at all for as long as
/// storage stalled (25.8 s measured).
/// </summary>
public sealed class HealthTests : IAsyncLifetime
{
    /// <summary>The checks' bound (Kaolack:Health:CheckTimeout, 2 s) and the time to answer around it on a busy machine.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(5);

    private AzuriteServer? azurite;
    private SiloHost? host;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        host = await SiloHost.StartAsync(new SiloHostOptions(azurite.ConnectionString) { Settings = HostSettings.Unthrottled });
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task Anyone_gets_only_a_status_and_an_admin_the_details_of_membership_storage_and_plans()
    {
        var admin = await TestUser.AdminAsync(Host);
        using var anonymous = Host.CreateClient();
        using var adminHttp = admin.Client(Host);

        var (status, body) = await Get(anonymous, "/health");
        var (adminStatus, details) = await Get(adminHttp, "/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([("status", "Healthy")], body.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
        Assert.Equal(HttpStatusCode.OK, (await Get(anonymous, "/health/live")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get(anonymous, "/health/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, adminStatus);
        var checks = details.GetProperty("checks");
        Assert.Equal(["lost-writes", "plans", "silo", "storage"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Contains("devstoreaccount1", checks.GetProperty("storage").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("1 silo(s) actif(s) dont 0 soupçonné(s)", checks.GetProperty("silo").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(" Active", Assert.Single(checks.GetProperty("silo").GetProperty("data").GetProperty("members").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_storage_is_frozen_every_health_answer_comes_within_its_bound_and_says_storage_is_slow()
    {
        var admin = await TestUser.AdminAsync(Host);
        using var anonymous = Host.CreateClient();
        using var adminHttp = admin.Client(Host);
        // The admin's account is read once now: the session check on each request then finds it in memory.
        Assert.Equal(HttpStatusCode.OK, (await Get(adminHttp, "/health")).Status);

        await Storage.Pause();
        try
        {
            var whole = await Timed(anonymous, "/health");
            var ready = await Timed(anonymous, "/health/ready");
            var live = await Timed(anonymous, "/health/live");
            var detailed = await Timed(adminHttp, "/health");

            Assert.All(new[] { whole, ready, live, detailed }, answer => Assert.True(answer.Took < AnswerBound, $"{answer.Path} took {answer.Took.TotalSeconds:0.0} s"));
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (whole.Status, whole.Body.GetProperty("status").GetString()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal(HttpStatusCode.OK, live.Status);
            var storage = detailed.Body.GetProperty("checks").GetProperty("storage");
            Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
            Assert.StartsWith("Stockage lent", storage.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await Storage.Resume();
        }
        await Eventually.True(async () => (await Get(anonymous, "/health")).Status == HttpStatusCode.OK, "/health to be healthy again once storage answers");
    }

    private SiloHost Host => host ?? throw new InvalidOperationException("The host is not started.");

    private AzuriteServer Storage => azurite ?? throw new InvalidOperationException("Azurite is not started.");

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<(string Path, HttpStatusCode Status, JsonElement Body, TimeSpan Took)> Timed(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        var (status, body) = await Get(http, path);
        return (path, status, body, clock.Elapsed);
    }
}
