using System.Net;
using System.Text.Json.Nodes;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Projects;
using Kaolack.Testing;

namespace Kaolack.Api.Tests.Live;

/// <summary>
/// Everything acknowledged over HTTP survives a full stop of the app: it lives in Azure Storage, not in the silo.
/// The administrator acts on both hosts, signing in on each (a token is not carried over the restart).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RestartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Data_written_through_silo_A_reads_back_identically_from_silo_B_after_A_stopped()
    {
        var options = ClusterCollection.NewCluster(azurite, "restart");
        const string coop = "cooperative-zitoun-de-berkane";
        const string project = "huile-olive-arachide";
        string coopBefore, projectBefore, coopListingBefore, projectListingBefore;

        await using (var a = await SiloHost.StartAsync(options))
        {
            using var http = await a.CreateAdminClientAsync();
            var created = await (await http.Post($"/api/cooperatives?slug={coop}", Samples.Cooperative("Coopérative Zitoun de Berkane", Region.Oriental, "olive")))
                .Read<Cooperative>(HttpStatusCode.Created);
            await (await http.Put($"/api/cooperatives/{coop}", created.Profile with { MemberCount = 88, Products = ["huile d'olive", "savon"] }, ifMatch: 1))
                .Read<Cooperative>();
            await (await http.Post($"/api/projects?slug={project}", Samples.Project("Huile d'olive et d'arachide", "olive"))).Read<JointProject>(HttpStatusCode.Created);
            await (await http.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.Cooperative, coop))).Read<JointProject>();

            coopBefore = await Body(http, $"/api/cooperatives/{coop}");
            projectBefore = await Body(http, $"/api/projects/{project}");
            coopListingBefore = await Body(http, "/api/cooperatives");
            projectListingBefore = await Body(http, "/api/projects");
            await a.StopAsync();
        }

        await using var b = await SiloHost.StartAsync(options);
        using var httpB = await b.CreateAdminClientAsync();
        var coopResponse = await httpB.GetAsync($"/api/cooperatives/{coop}");
        var coopAfter = await coopResponse.Read<Cooperative>();
        var listing = await (await httpB.GetAsync("/api/cooperatives")).Read<Kaolack.Contracts.Directory.DirectoryPage>();

        Assert.Equal("\"2\"", coopResponse.Headers.ETag?.Tag);
        Assert.Equal(2, coopAfter.Meta.Version);
        Assert.Equal(88, coopAfter.Profile.MemberCount);
        Assert.Equal(["huile d'olive", "savon"], coopAfter.Profile.Products);
        Assert.Equal(Region.Oriental, coopAfter.Profile.Region);
        AssertSameJson(coopBefore, await Body(httpB, $"/api/cooperatives/{coop}"));
        AssertSameJson(projectBefore, await Body(httpB, $"/api/projects/{project}"));
        AssertSameJson(coopListingBefore, await Body(httpB, "/api/cooperatives"));
        AssertSameJson(projectListingBefore, await Body(httpB, "/api/projects"));
        var entry = Assert.Single(listing.Items);
        Assert.Equal((coop, 2L, "Coopérative Zitoun de Berkane"), (entry.Slug, entry.Version, entry.Name));
    }

    [Fact]
    public async Task After_a_restart_edits_continue_from_the_persisted_version()
    {
        var options = ClusterCollection.NewCluster(azurite, "restart-edit");
        var slug = Samples.Slug("restart-edit");
        Cooperative created;

        await using (var a = await SiloHost.StartAsync(options))
        {
            using var http = await a.CreateAdminClientAsync();
            created = await (await http.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative("Avant redémarrage"))).Read<Cooperative>(HttpStatusCode.Created);
        }

        await using var b = await SiloHost.StartAsync(options);
        using var httpB = await b.CreateAdminClientAsync();
        await (await httpB.Put($"/api/cooperatives/{slug}", created.Profile with { Name = "Écrasement" }, ifMatch: 0))
            .Problem(HttpStatusCode.PreconditionFailed, "version-conflict");
        var updated = await (await httpB.Put($"/api/cooperatives/{slug}", created.Profile with { Name = "Après redémarrage" }, ifMatch: 1)).Read<Cooperative>();

        Assert.Equal(2, updated.Meta.Version);
        Assert.Equal(created.Meta.CreatedAt, updated.Meta.CreatedAt);
        Assert.Equal("Après redémarrage", updated.Profile.Name);
    }

    private static async Task<string> Body(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected}\nActual   {actual}");
}
