using System.Net;
using Kaolack.Testing;

namespace Kaolack.Api.Tests;

public sealed class SmokeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_reports_silo_and_storage_healthy()
    {
        using var http = app.Host.CreateClient();
        var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"silo\"", body, StringComparison.Ordinal);
        Assert.Contains("\"storage\"", body, StringComparison.Ordinal);
    }
}
