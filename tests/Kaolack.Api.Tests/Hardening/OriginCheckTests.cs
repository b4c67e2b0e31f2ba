using System.Net.Http.Headers;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;

namespace Kaolack.Api.Tests.Hardening;

/// <summary>
/// Cross-site requests (issue 20, item 7): a page on another port of the same host sends the visitor's cookie along
/// (same site for browsers), so the hub and every cookie-authenticated write check the Origin the browser sends.
/// </summary>
public sealed class OriginCheckTests(ApiFixture app) : ApiTests(app)
{
    /// <summary>Another port of the same host: another origin, the same site.</summary>
    private string OtherPort => $"http://127.0.0.1:{(App.Host.BaseAddress.Port == 1 ? 2 : 1)}";

    private string Own => $"{App.Host.BaseAddress.Scheme}://{App.Host.BaseAddress.Authority}";

    [Fact]
    public async Task The_hubs_negotiation_is_refused_from_another_origin_and_served_from_its_own_or_without_one()
    {
        var user = await App.NewUserAsync("origine-negociation");

        using var foreign = await Negotiate(user.Token, OtherPort);
        using var nullOrigin = await Negotiate(user.Token, "null");
        using var own = await Negotiate(user.Token, Own);
        using var program = await Negotiate(user.Token, null);

        await foreign.Problem(HttpStatusCode.Forbidden, "cross-origin");
        await nullOrigin.Problem(HttpStatusCode.Forbidden, "cross-origin");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, program.StatusCode);
    }

    [Fact]
    public async Task A_websocket_upgrade_from_another_origin_is_refused_and_one_from_its_own_connects()
    {
        var user = await App.NewUserAsync("origine-websocket");
        await using var foreign = WebSocketOnly(user.Token, OtherPort);
        await using var own = WebSocketOnly(user.Token, Own);

        var refused = await Record.ExceptionAsync(() => foreign.StartAsync());
        await own.StartAsync();

        Assert.True(refused is WebSocketException or HttpRequestException, $"expected a refused upgrade, got {refused?.ToString() ?? "a connection"}");
        Assert.Contains("403", refused!.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, own.State);
    }

    [Fact]
    public async Task A_cookie_authenticated_write_from_another_origin_is_refused_and_changes_nothing_while_the_pages_own_succeed()
    {
        var user = await App.NewUserAsync("origine-cookie");
        using var browser = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        var (attack, legit) = (Samples.Slug("origine-attaque"), Samples.Slug("origine-page"));

        using var fromOtherPort = await PostProject(browser, attack, OtherPort);
        using var fromPage = await PostProject(browser, legit, Own);
        var attempted = await App.AdminClient.GetAsync($"/api/projects/{attack}");

        await fromOtherPort.Problem(HttpStatusCode.Forbidden, "cross-origin");
        Assert.Equal(HttpStatusCode.NotFound, attempted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromPage.StatusCode);
        // Reads are never refused for their origin (a page may link here), and bearer tokens ride no one's cookie.
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{legit}");
        read.Headers.Add("Origin", OtherPort);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.SendAsync(read)).StatusCode);
        using var bearer = user.Client(App.Host);
        using var bearerWrite = new HttpRequestMessage(HttpMethod.Post, $"/api/projects?slug={Samples.Slug("origine-jeton")}") { Content = Api.Json(Samples.Project("Jeton")) };
        bearerWrite.Headers.Add("Origin", OtherPort);
        Assert.Equal(HttpStatusCode.Created, (await bearer.SendAsync(bearerWrite)).StatusCode);
    }

    private async Task<HttpResponseMessage> Negotiate(string token, string? origin)
    {
        using var http = App.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/live/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Straight to the WebSocket upgrade (no negotiation), with the Origin a browser page would send.</summary>
    private HubConnection WebSocketOnly(string token, string origin) => new HubConnectionBuilder()
        .WithUrl(new Uri(App.Host.BaseAddress, "/hubs/live"), options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            options.SkipNegotiation = true;
            options.Transports = HttpTransportType.WebSockets;
            options.Headers["Origin"] = origin;
        })
        .Build();

    private static async Task<HttpResponseMessage> PostProject(Browser browser, string slug, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/projects?slug={slug}") { Content = Api.Json(Samples.Project($"Projet {slug}")) };
        request.Headers.Add("Origin", origin);
        var response = await browser.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
