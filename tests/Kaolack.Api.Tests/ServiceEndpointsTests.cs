namespace Kaolack.Api.Tests;

/// <summary>What the app serves besides the API itself: OpenAPI document and reference page to anyone, health (its details to an administrator).</summary>
public sealed class ServiceEndpointsTests(ApiFixture app) : ApiTests(app)
{
    private readonly HttpClient http = app.Host.CreateClient();

    [Fact]
    public async Task OpenApi_document_lists_every_api_path()
    {
        var response = await http.GetAsync("/openapi/v1.json");
        var document = await response.Read<JsonElement>();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Kaolack.Orleans API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal)
        {
            "/api/cooperatives",
            "/api/cooperatives/{slug}",
            "/api/diaspora-groups",
            "/api/diaspora-groups/{slug}",
            "/api/projects",
            "/api/projects/{slug}",
            "/api/projects/{slug}/status",
            "/api/projects/{slug}/partners",
            "/api/projects/{slug}/partners/{kind}/{partnerSlug}",
            "/api/projects/{slug}/contributions",
        }, paths);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_operations_of_a_path()
    {
        var document = await (await http.GetAsync("/openapi/v1.json")).Read<JsonElement>();

        var item = document.GetProperty("paths").GetProperty("/api/cooperatives/{slug}");

        Assert.Equal(["delete", "get", "put"], item.EnumerateObject().Select(o => o.Name).Where(n => n is "get" or "put" or "delete" or "post").Order(StringComparer.Ordinal));
        Assert.Equal("update-cooperative", item.GetProperty("put").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Scalar_serves_the_interactive_reference_page()
    {
        var response = await http.GetAsync("/scalar");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Kaolack.Orleans API</title>", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_silo_and_storage_healthy_as_json()
    {
        // The checks' details are for administrators.
        var response = await App.AdminClient.GetAsync("/health");
        var health = await response.Read<JsonElement>();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
    }
}
