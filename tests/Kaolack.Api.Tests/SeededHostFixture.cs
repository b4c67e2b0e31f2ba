namespace Kaolack.Api.Tests;

/// <summary>
/// Its own Azurite and app, seeded once by the configured administrator (who sees every project) with a known set of
/// entities, so listings, counts and rankings can be asserted exactly.
/// </summary>
public abstract class SeededHostFixture : HostFixture
{
    private HttpClient? admin;

    /// <summary>A client signed in as the configured administrator.</summary>
    public HttpClient Admin => admin ?? throw new InvalidOperationException("The fixture is not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        admin = (await TestUser.AdminAsync(Host)).Client(Host);
        await SeedAsync();
    }

    public override async Task DisposeAsync()
    {
        admin?.Dispose();
        await base.DisposeAsync();
    }

    protected abstract Task SeedAsync();

    /// <summary>Creates an entity under the given slug (<paramref name="kind"/> is the plural of its path).</summary>
    protected async Task Create<T>(string kind, string slug, T body) =>
        await Expect(await Admin.Post($"/api/{kind}?slug={slug}", body), HttpStatusCode.Created);

    /// <summary>POSTs a change that must answer 200.</summary>
    protected async Task Send<T>(string path, T body) => await Expect(await Admin.Post(path, body), HttpStatusCode.OK);

    /// <summary>Stops the fixture, with the server's answer, when a seeding request does not do what it should.</summary>
    protected static async Task Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"Seeding {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
