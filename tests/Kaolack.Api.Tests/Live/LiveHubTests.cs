using System.Net;
using System.Text.Json;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Projects;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Live;

/// <summary>The live hub over a real SignalR connection, driven by real REST calls.</summary>
[Collection(ApiCollection.Name)]
public sealed class LiveHubTests(ApiFixture app)
{
    private readonly HttpClient http = app.MemberClient;

    [Fact]
    public async Task Two_subscribers_of_a_project_both_receive_a_rest_update_with_its_new_version_and_data()
    {
        var slug = await CreateProject("live-deux-clients");
        var topic = $"project:{slug}";
        await using var first = app.Member.Hub(app.Host);
        await using var second = app.Member.Hub(app.Host);
        var firstLog = new LiveEventLog(first);
        var secondLog = new LiveEventLog(second);
        await first.StartAsync();
        await second.StartAsync();
        var firstCatchUp = await LiveEventLog.Subscribe(first, topic, 1);
        var secondCatchUp = await LiveEventLog.Subscribe(second, topic, 1);

        await (await http.Put($"/api/projects/{slug}", Samples.Project("Titre mis à jour en direct"), ifMatch: 1)).Read<JointProject>();

        var firstEvents = await firstLog.WaitForVersion(topic, 2, "first client");
        var secondEvents = await secondLog.WaitForVersion(topic, 2, "second client");
        Assert.Equal((topic, 1L), (firstCatchUp.Topic, firstCatchUp.Version));
        Assert.Empty(firstCatchUp.Events);
        Assert.Empty(secondCatchUp.Events);
        foreach (var received in new[] { Assert.Single(firstEvents), Assert.Single(secondEvents) })
        {
            Assert.Equal(topic, received.Topic);
            Assert.Equal(2, received.Version);
            Assert.Equal(ChangeKind.Updated, received.Change);
            var data = Data<JointProject>(received);
            Assert.Equal(2, data.Meta.Version);
            Assert.Equal(slug, data.Meta.Slug);
            Assert.Equal("Titre mis à jour en direct", data.Charter.Title);
        }
    }

    [Fact]
    public async Task A_client_that_was_disconnected_during_two_updates_gets_exactly_those_two_events_in_order_on_resubscribe()
    {
        var slug = await CreateProject("live-rattrapage");
        var topic = $"project:{slug}";
        await using var connection = app.Member.Hub(app.Host);
        var log = new LiveEventLog(connection);
        await connection.StartAsync();
        await LiveEventLog.Subscribe(connection, topic, 1);
        await (await http.Put($"/api/projects/{slug}", Samples.Project("Deuxième version"), ifMatch: 1)).Read<JointProject>();
        var lastSeen = (await log.WaitForVersion(topic, 2, "the client before disconnecting")).Max(e => e.Version);

        await connection.StopAsync();
        await (await http.Put($"/api/projects/{slug}", Samples.Project("Troisième version"), ifMatch: 2)).Read<JointProject>();
        await (await http.Post($"/api/projects/{slug}/contributions", new ContributionInput
        {
            From = "Commune de Kaolack",
            Amount = new Money(250_000m, Currency.Xof),
            ReceivedOn = new DateOnly(2025, 3, 1),
        })).Read<JointProject>();
        await connection.StartAsync();
        var catchUp = await LiveEventLog.Subscribe(connection, topic, lastSeen);

        Assert.Equal(2, lastSeen);
        Assert.Equal(4, catchUp.Version);
        Assert.Equal([3L, 4L], catchUp.Events.Select(e => e.Version));
        Assert.All(catchUp.Events, e => Assert.Equal((topic, ChangeKind.Updated), (e.Topic, e.Change)));
        Assert.Equal("Troisième version", Data<JointProject>(catchUp.Events[0]).Charter.Title);
        var latest = Data<JointProject>(catchUp.Events[1]);
        Assert.Equal("Commune de Kaolack", Assert.Single(latest.Contributions).Details.From);
        Assert.Equal(4, latest.Meta.Version);
    }

    [Fact]
    public async Task Subscribing_without_a_version_returns_a_snapshot_of_the_current_state()
    {
        var slug = await CreateProject("live-instantane");
        await using var connection = app.Member.Hub(app.Host);
        await connection.StartAsync();

        var catchUp = await LiveEventLog.Subscribe(connection, $"project:{slug}", null);

        Assert.Equal(1, catchUp.Version);
        var snapshot = Assert.Single(catchUp.Events);
        Assert.Equal((ChangeKind.Snapshot, 1L), (snapshot.Change, snapshot.Version));
        Assert.Equal(slug, Data<JointProject>(snapshot).Meta.Slug);
    }

    [Fact]
    public async Task Directory_topic_receives_created_updated_and_deleted_events()
    {
        const string topic = "directory:cooperatives";
        var slug = Samples.Slug("live-annuaire");
        await using var connection = app.Member.Hub(app.Host);
        var log = new LiveEventLog(connection);
        await connection.StartAsync();
        var catchUp = await LiveEventLog.Subscribe(connection, topic, null);

        var created = await (await http.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative("Annuaire en direct"))).Read<Cooperative>(HttpStatusCode.Created);
        await (await http.Put($"/api/cooperatives/{slug}", created.Profile with { Name = "Annuaire renommé" }, ifMatch: 1)).Read<Cooperative>();
        Assert.Equal(HttpStatusCode.NoContent, (await http.Delete($"/api/cooperatives/{slug}", ifMatch: 2)).StatusCode);

        var events = (await log.WaitFor(topic, received => received.Any(e => e.Change == ChangeKind.Deleted && LiveEventLog.SlugOf(e) == slug), "the deletion in the directory"))
            .Where(e => LiveEventLog.SlugOf(e) == slug)
            .ToArray();
        Assert.Equal(ChangeKind.Snapshot, Assert.Single(catchUp.Events).Change);
        Assert.Equal([ChangeKind.Created, ChangeKind.Updated, ChangeKind.Deleted], events.Select(e => e.Change));
        Assert.All(events, e => Assert.True(e.Version > catchUp.Version));
        Assert.Equal(events.Select(e => e.Version).Order(), events.Select(e => e.Version));
        var createdEntry = ((JsonElement)events[0].Data!).Deserialize<Kaolack.Contracts.Directory.DirectoryEntry>(SiloHost.Json)!;
        Assert.Equal(("Annuaire en direct", 1L, EntityKind.Cooperative), (createdEntry.Name, createdEntry.Version, createdEntry.Kind));
        var updatedEntry = ((JsonElement)events[1].Data!).Deserialize<Kaolack.Contracts.Directory.DirectoryEntry>(SiloHost.Json)!;
        Assert.Equal(("Annuaire renommé", 2L), (updatedEntry.Name, updatedEntry.Version));
        Assert.Equal(slug, ((JsonElement)events[2].Data!).GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("project")]
    [InlineData("projet:huile")]
    [InlineData("project:Pas Valide")]
    [InlineData("directory:villes")]
    [InlineData("")]
    public async Task Invalid_topic_is_a_hub_error_with_the_invalid_topic_code(string topic)
    {
        await using var connection = app.Member.Hub(app.Host);
        await connection.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => LiveEventLog.Subscribe(connection, topic, null));

        // The hub throws HubException("invalid-topic: …"); SignalR's dispatcher prefixes what reaches the client.
        Assert.StartsWith("An unexpected error occurred invoking 'Subscribe' on the server. HubException: invalid-topic: ", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid-topic:", HubErrorCode(error), StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Server_pushes_the_client_method_Event_which_the_dotnet_client_matches_case_sensitively()
    {
        var slug = await CreateProject("live-nom-methode");
        var topic = $"project:{slug}";
        await using var connection = app.Member.Hub(app.Host);
        var lowerCase = 0;
        connection.On<LiveEvent>("event", _ => Interlocked.Increment(ref lowerCase));
        var log = new LiveEventLog(connection);
        await connection.StartAsync();
        await LiveEventLog.Subscribe(connection, topic, 1);

        await (await http.Put($"/api/projects/{slug}", Samples.Project("Nom de méthode"), ifMatch: 1)).Read<JointProject>();
        await log.WaitForVersion(topic, 2, "the \"Event\" handler");

        // Handlers of one invocation run in order of registration; "event" was registered first, so had the
        // client matched it, it would have run already.
        Assert.Equal(0, Volatile.Read(ref lowerCase));
    }

    private async Task<string> CreateProject(string prefix)
    {
        var slug = Samples.Slug(prefix);
        await (await http.Post($"/api/projects?slug={slug}", Samples.Project($"Projet {prefix}"))).Read<JointProject>(HttpStatusCode.Created);
        return slug;
    }

    private static T Data<T>(LiveEvent liveEvent) =>
        Assert.IsType<JsonElement>(liveEvent.Data).Deserialize<T>(SiloHost.Json) ?? throw new InvalidOperationException("No data.");

    private static string HubErrorCode(HubException error)
    {
        const string marker = "HubException: ";
        var at = error.Message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? error.Message : error.Message[(at + marker.Length)..];
    }
}
