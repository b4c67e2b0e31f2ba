using Microsoft.Net.Http.Headers;

namespace Kaolack.Api.Tests;

/// <summary>An HTTP client that keeps cookies like a browser, for the cookie session ("kaolack.session").</summary>
public sealed class Browser : IDisposable
{
    public const string SessionCookieName = "kaolack.session";

    private readonly CookieContainer cookies = new();
    private readonly Uri baseAddress;

    private Browser(SiloHost host)
    {
        baseAddress = host.BaseAddress;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Http { get; }

    /// <summary>The session cookie the browser would send now, if any.</summary>
    public Cookie? SessionCookie => cookies.GetCookies(baseAddress).FirstOrDefault(c => c.Name == SessionCookieName && !c.Expired);

    public static Browser Create(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Browser(host);
    }

    /// <summary>A browser already signed in with a cookie session.</summary>
    public static async Task<Browser> SignedInAsync(SiloHost host, string email, string password)
    {
        var browser = Create(host);
        try
        {
            await (await AuthApi.Login(browser.Http, email, password, useCookies: true)).Read<System.Text.Json.JsonElement>();
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>The session cookie's Set-Cookie header in the response, with its attributes as sent.</summary>
    public static SetCookieHeaderValue SessionCookieSetBy(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.Headers.TryGetValues(HeaderNames.SetCookie, out var values), "No Set-Cookie header.");
        var parsed = SetCookieHeaderValue.ParseList([.. values]);
        return Assert.Single(parsed, c => c.Name.Value == SessionCookieName);
    }

    public void Dispose() => Http.Dispose();
}
