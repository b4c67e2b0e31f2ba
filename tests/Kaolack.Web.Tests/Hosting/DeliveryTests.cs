using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Kaolack.Web.Tests.Hosting;

/// <summary>What a phone on a slow link receives: compressed text, fingerprinted assets cached for good, the page and API answers never stale.</summary>
public sealed partial class DeliveryTests(WebFixture web) : WebTests(web)
{
    private const string DemoUser = "awa.ndiaye@example.org";

    private const string DemoPassword = "kaolack-demo-2026";

    [Fact]
    public async Task The_page_is_compressed_and_revalidated_and_answers_not_modified_when_unchanged()
    {
        using var http = RawClient();
        using var page = await Get(http, "/", "br, gzip");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["br"], page.Content.Headers.ContentEncoding);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        var etag = page.Headers.ETag ?? throw new Xunit.Sdk.XunitException("The page carries no ETag.");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.AcceptEncoding.ParseAdd("br, gzip");
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Every_script_and_style_of_the_page_is_immutable_and_compressed_in_the_encoding_asked_for()
    {
        using var http = RawClient();
        var html = await (await http.GetAsync("/")).Content.ReadAsStringAsync();
        var assets = AssetReference().Matches(html).Select(m => m.Groups["path"].Value).Distinct().ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var response = await Get(http, asset, encoding);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
                Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            }
            using var plain = await Get(http, asset, "identity");
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var compressed = (await (await Get(http, asset, "br")).Content.ReadAsByteArrayAsync()).Length;
            Assert.True(compressed < (await plain.Content.ReadAsByteArrayAsync()).Length, $"{asset}: brotli is not smaller.");
        }
    }

    [Fact]
    public async Task Api_answers_are_compressed_and_never_cached_but_sign_in_answers_are_not_compressed()
    {
        using var http = RawClient();
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = DemoUser, password = DemoPassword });
        login.EnsureSuccessStatusCode();
        Assert.Empty(login.Content.Headers.ContentEncoding);
        Assert.Equal("no-store", login.Headers.CacheControl?.ToString());
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cooperatives?pageSize=50");
        request.Headers.AcceptEncoding.ParseAdd("br");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var directory = await http.SendAsync(request);
        directory.EnsureSuccessStatusCode();
        Assert.Equal(["br"], directory.Content.Headers.ContentEncoding);
        Assert.Equal("no-store", directory.Headers.CacheControl?.ToString());

        using var refused = await Get(http, "/api/cooperatives", "br");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
    }

    /// <summary>No automatic decompression: the test reads the bytes and headers as they travel.</summary>
    private HttpClient RawClient() => new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
    {
        BaseAddress = Web.Host.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static async Task<HttpResponseMessage> Get(HttpClient http, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        return await http.SendAsync(request);
    }

    [GeneratedRegex("""(?:src|href)="(?<path>/assets/[^"]+\.(?:js|css))""")]
    private static partial Regex AssetReference();
}
