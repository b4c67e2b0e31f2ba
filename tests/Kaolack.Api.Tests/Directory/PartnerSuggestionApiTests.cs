using static Kaolack.Api.Tests.Directory.SuggestionFixture;

namespace Kaolack.Api.Tests.Directory;

/// <summary>The suggestion endpoints over real HTTP on Azurite, against the exactly known data of <see cref="SuggestionFixture"/>.</summary>
public sealed class PartnerSuggestionApiTests(SuggestionFixture world) : IClassFixture<SuggestionFixture>
{
    private readonly HttpClient admin = world.Admin;

    [Fact]
    public async Task A_cooperative_gets_the_other_regions_same_chain_then_complementary_chain_then_diaspora_skills_with_reasons()
    {
        var body = await (await admin.GetAsync($"/api/cooperatives/{Ndoffane}/suggestions")).Read<JsonElement>();

        Assert.Equal(["items"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
        [
            $"cooperative {Berkane} oriental 100 code=same-value-chain valueChain=arachide",
            $"cooperative {Zitoun} oriental 50 code=complementary-value-chain valueChain=huile d'olive complements=arachide",
            $"diaspora-group {Montreuil} kaolack 25 code=skill-matches-need skill=logistique export need=export | code=diaspora-of-region region=kaolack",
            $"diaspora-group {Bruxelles} oriental 20 code=skill-matches-need skill=comptabilité need=comptabilité coopérative",
        ], Lines(body));
        var first = body.GetProperty("items")[0];
        Assert.Equal(["kind", "name", "place", "reasons", "region", "score", "slug"], first.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("Arachides de Berkane", "Oujda"), (first.GetProperty("name").GetString(), first.GetProperty("place").GetString()));
    }

    [Fact]
    public async Task A_project_gets_non_partners_ranked_with_the_region_it_lacks_first()
    {
        var body = await (await admin.GetAsync($"/api/projects/{Project}/suggestions")).Read<JsonElement>();

        Assert.Equal(
        [
            $"cooperative {Berkane} oriental 160 code=same-value-chain valueChain=arachide | code=missing-region region=oriental",
            $"cooperative {Zitoun} oriental 110 code=complementary-value-chain valueChain=huile d'olive complements=arachide | code=missing-region region=oriental",
            $"cooperative {Kahone} kaolack 100 code=same-value-chain valueChain=arachide",
            $"diaspora-group {Bruxelles} oriental 80 code=skill-matches-need skill=comptabilité need=comptabilité coopérative | code=missing-region region=oriental",
            $"diaspora-group {Montreuil} kaolack 20 code=skill-matches-need skill=logistique export need=export",
        ], Lines(body));
    }

    [Fact]
    public async Task The_limit_keeps_the_first_ones()
    {
        var cooperative = await (await admin.GetAsync($"/api/cooperatives/{Ndoffane}/suggestions?limit=2")).Read<JsonElement>();
        var project = await (await admin.GetAsync($"/api/projects/{Project}/suggestions?limit=1")).Read<JsonElement>();

        Assert.Equal([Berkane, Zitoun], Slugs(cooperative));
        Assert.Equal([Berkane], Slugs(project));
    }

    [Fact]
    public async Task A_member_of_neither_entity_reads_a_cooperatives_suggestions_but_not_a_projects()
    {
        var outsider = await world.NewUserAsync("curieux");
        using var http = outsider.Client(world.Host);

        var cooperative = await (await http.GetAsync($"/api/cooperatives/{Ndoffane}/suggestions")).Read<JsonElement>();
        await (await http.GetAsync($"/api/projects/{Project}/suggestions")).Problem(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal([Berkane, Zitoun, Montreuil, Bruxelles], Slugs(cooperative));
    }

    [Theory]
    [InlineData("cooperatives", Ndoffane, "0")]
    [InlineData("cooperatives", Ndoffane, "51")]
    [InlineData("cooperatives", Ndoffane, "-3")]
    [InlineData("cooperatives", Ndoffane, "dix")]
    [InlineData("projects", Project, "0")]
    [InlineData("projects", Project, "1.5")]
    public async Task A_bad_limit_is_a_validation_problem_naming_limit(string kind, string slug, string limit)
    {
        var problem = await (await admin.GetAsync($"/api/{kind}/{slug}/suggestions?limit={Uri.EscapeDataString(limit)}"))
            .Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["limit"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("cooperatives")]
    [InlineData("projects")]
    public async Task An_unknown_or_deleted_slug_is_not_found(string kind)
    {
        await (await admin.GetAsync($"/api/{kind}/inconnue/suggestions")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await admin.GetAsync($"/api/cooperatives/{Deleted}/suggestions")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>"kind slug region score" then each reason as "name=value" pairs (exactly the properties sent), " | " between reasons.</summary>
    private static string[] Lines(JsonElement body) =>
    [
        .. body.GetProperty("items").EnumerateArray().Select(item =>
            $"{item.GetProperty("kind").GetString()} {item.GetProperty("slug").GetString()} {item.GetProperty("region").GetString()} " +
            $"{item.GetProperty("score").GetInt32()} " +
            string.Join(" | ", item.GetProperty("reasons").EnumerateArray().Select(reason =>
                string.Join(' ', reason.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"))))),
    ];

    private static string[] Slugs(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("slug").GetString() ?? "")];
}
