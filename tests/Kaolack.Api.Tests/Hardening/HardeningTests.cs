using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Kaolack.Api.Hardening;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Tests.Hardening;

/// <summary>Rate limits and security headers, over real HTTP on a small app that wires them like the real one.</summary>
public sealed partial class HardeningTests
{
    /// <summary>The policy the brief asks for, spelled out here so a change to the constant is a visible decision.</summary>
    private const string ExpectedDefaultPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Whole schemes (any host) and eval, which no page here needs.</summary>
    private static readonly string[] ForbiddenSources = ["http:", "https:", "'unsafe-eval'"];

    private static readonly IPAddress OtherClient = IPAddress.Parse("127.0.0.2");

    /// <summary>Small limits: each test stays far inside one refill period (20 s and more), so nothing depends on timing.</summary>
    private static readonly Dictionary<string, string?> SmallLimits = new()
    {
        ["Kaolack:Hardening:LoginPermitsPerMinute"] = "3",
        ["Kaolack:Hardening:RegistrationPermitsPerHour"] = "2",
        ["Kaolack:Hardening:WritePermitsPerMinute"] = "2",
    };

    [Fact]
    public async Task Login_burst_over_the_limit_is_a_429_problem_with_retry_after_and_security_headers()
    {
        await using var app = await HardeningTestApp.StartAsync(SmallLimits);
        using var http = app.CreateClient();

        using var refused = await LoginsBeyondTheAllowance(http);

        var problem = await RateLimited(refused);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        // One token comes back every 60 s / 3 = 20 s.
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Contains(((int)retryAfter.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertFixedHeaders(refused);
        Assert.Equal(ExpectedDefaultPolicy, Csp(refused));
    }

    [Fact]
    public async Task Another_client_address_keeps_its_own_login_allowance()
    {
        await using var app = await HardeningTestApp.StartAsync(SmallLimits);
        using var first = app.CreateClient();
        using var other = app.CreateClient(OtherClient);

        await RateLimited(await LoginsBeyondTheAllowance(first));

        Assert.Equal("ip:127.0.0.2", await other.GetStringAsync("/client"));
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/login", null)).StatusCode);
        await RateLimited(await first.PostAsync("/login", null));
    }

    [Fact]
    public async Task Login_and_registration_have_separate_allowances()
    {
        await using var app = await HardeningTestApp.StartAsync(SmallLimits);
        using var http = app.CreateClient();

        await RateLimited(await LoginsBeyondTheAllowance(http));

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/register", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/register", null)).StatusCode);
        await RateLimited(await http.PostAsync("/register", null));
    }

    [Fact]
    public async Task Writes_count_per_signed_in_user_and_per_address_when_anonymous()
    {
        await using var app = await HardeningTestApp.StartAsync(SmallLimits);
        using var http = app.CreateClient();
        using var other = app.CreateClient(OtherClient);

        Assert.Equal(HttpStatusCode.OK, (await Write(http, HttpMethod.Post, "/api/notes", "awa")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Write(http, HttpMethod.Put, "/api/notes/1", "awa")).StatusCode);
        await RateLimited(await Write(http, HttpMethod.Delete, "/api/notes/1", "awa"));

        // Same address, another member: her own allowance.
        Assert.Equal(HttpStatusCode.OK, (await Write(http, HttpMethod.Post, "/api/notes", "moussa")).StatusCode);
        // The same member from another address: still her allowance, already spent.
        await RateLimited(await Write(other, HttpMethod.Post, "/api/notes", "awa"));

        // Anonymous writers are counted per address, apart from the signed-in users on it.
        Assert.Equal(HttpStatusCode.OK, (await Write(http, HttpMethod.Post, "/api/notes", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Write(http, HttpMethod.Post, "/api/notes", null)).StatusCode);
        await RateLimited(await Write(http, HttpMethod.Post, "/api/notes", null));
        Assert.Equal(HttpStatusCode.OK, (await Write(other, HttpMethod.Post, "/api/notes", null)).StatusCode);
    }

    [Fact]
    public async Task Reads_in_a_write_limited_group_are_never_limited()
    {
        await using var app = await HardeningTestApp.StartAsync(SmallLimits);
        using var http = app.CreateClient();
        await Write(http, HttpMethod.Post, "/api/notes", "awa");
        await Write(http, HttpMethod.Post, "/api/notes", "awa");
        await RateLimited(await Write(http, HttpMethod.Post, "/api/notes", "awa"));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Write(http, HttpMethod.Get, "/api/notes", "awa")).StatusCode);
        }
    }

    [Fact]
    public async Task Rejection_is_problem_json_even_when_the_client_asks_for_html()
    {
        await using var app = await HardeningTestApp.StartAsync(new Dictionary<string, string?>(SmallLimits)
        {
            ["Kaolack:Hardening:LoginPermitsPerMinute"] = "1",
        });
        using var http = app.CreateClient();
        await http.PostAsync("/login", null);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/login");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        await RateLimited(await http.SendAsync(request));
    }

    [Fact]
    public async Task Disabled_rate_limiting_keeps_the_policies_but_refuses_nothing()
    {
        await using var app = await HardeningTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Kaolack:Hardening:RateLimitingEnabled"] = "false",
            ["Kaolack:Hardening:LoginPermitsPerMinute"] = "1",
            ["Kaolack:Hardening:WritePermitsPerMinute"] = "1",
        });
        using var http = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/login", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Write(http, HttpMethod.Post, "/api/notes", "awa")).StatusCode);
        }
    }

    [Fact]
    public async Task A_limit_below_one_stops_the_app_at_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => HardeningTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Kaolack:Hardening:WritePermitsPerMinute"] = "0",
        }));

        Assert.Contains(HardeningOptions.Section, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ping", HttpStatusCode.OK)]
    [InlineData("/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/boom", HttpStatusCode.InternalServerError)]
    [InlineData("/login", HttpStatusCode.MethodNotAllowed)]
    public async Task Every_response_carries_the_security_headers_and_the_strict_policy(string path, HttpStatusCode status)
    {
        using var response = await HardeningTestApp.GetOnceAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertFixedHeaders(response);
        Assert.Equal(ExpectedDefaultPolicy, Csp(response));
    }

    [Fact]
    public async Task Scalar_page_may_run_only_its_own_nonced_inline_script()
    {
        using var response = await HardeningTestApp.GetOnceAsync("/scalar/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nonces = NonceAttribute().Matches(html).Select(match => match.Groups[1].Value).Distinct().ToList();
        var nonce = Assert.Single(nonces);
        var policy = Directives(Csp(response));
        Assert.Equal(["'self'", $"'nonce-{nonce}'"], policy["script-src"]);
        AssertStillLockedDown(response);
    }

    [Fact]
    public async Task Scalar_path_without_a_nonce_falls_back_to_inline_scripts_and_stays_locked_down()
    {
        using var response = await HardeningTestApp.GetOnceAsync("/scalar/scalar.aspnetcore.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["'self'", "'unsafe-inline'"], Directives(Csp(response))["script-src"]);
        AssertStillLockedDown(response);
    }

    [Fact]
    public async Task Dashboard_gets_its_own_policy_without_inline_scripts()
    {
        using var response = await HardeningTestApp.GetOnceAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(Csp(response));
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'", "data:"], policy["font-src"]);
        AssertStillLockedDown(response);
    }

    [Theory]
    [InlineData("/scalarium")]
    [InlineData("/api/scalar")]
    [InlineData("/dashboards")]
    [InlineData("/api/dashboard")]
    public async Task Paths_that_only_look_like_the_relaxed_ones_get_the_strict_policy(string path)
    {
        using var response = await HardeningTestApp.GetOnceAsync(path);

        Assert.Equal(ExpectedDefaultPolicy, Csp(response));
    }

    [Theory]
    [InlineData("10.1.2.3", "ip:10.1.2.3")]
    [InlineData("::ffff:10.1.2.3", "ip:10.1.2.3")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "ip:2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "ip:2001:db8:1:2::/64")]
    [InlineData(null, ClientPartition.UnknownAddress)]
    public void Address_partition_keys_normalise_mapped_ipv4_and_group_ipv6_by_64(string? address, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);

        Assert.Equal(expected, ClientPartition.ByAddress(context));
        Assert.Equal(expected, ClientPartition.ByUserOrAddress(context));
    }

    /// <summary>Signs in as often as <see cref="SmallLimits"/> allow (each answered 200), then once more: that answer.</summary>
    private static async Task<HttpResponseMessage> LoginsBeyondTheAllowance(HttpClient http)
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/login", null)).StatusCode);
        }
        return await http.PostAsync("/login", null);
    }

    private static async Task<HttpResponseMessage> Write(HttpClient http, HttpMethod method, string path, string? user)
    {
        using var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            request.Headers.Add(HardeningTestApp.UserHeader, user);
        }
        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> RateLimited(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
        Assert.Equal("/problems/rate-limited", problem.GetProperty("type").GetString());
        Assert.Equal("Trop de tentatives, réessayez dans un instant.", problem.GetProperty("title").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        return problem;
    }

    private static void AssertFixedHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("camera=(), microphone=(), geolocation=()", Header(response, "Permissions-Policy"));
    }

    /// <summary>A relaxed page still refuses framing, plugins, foreign base URLs and form posts, and names no other host.</summary>
    private static void AssertStillLockedDown(HttpResponseMessage response)
    {
        AssertFixedHeaders(response);
        var policy = Directives(Csp(response));
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'self'"], policy["form-action"]);
        Assert.All(policy.Values.SelectMany(sources => sources), source =>
        {
            Assert.DoesNotContain("*", source, StringComparison.Ordinal);
            Assert.DoesNotContain("://", source, StringComparison.Ordinal);
            Assert.DoesNotContain(source, ForbiddenSources);
        });
    }

    private static string Csp(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"No {name} header on {(int)response.StatusCode}.");

    private static Dictionary<string, string[]> Directives(string policy) => policy
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(parts => parts[0], parts => parts[1..]);

    [GeneratedRegex("<script[^>]*\\snonce=\"([^\"]+)\"")]
    private static partial Regex NonceAttribute();
}
