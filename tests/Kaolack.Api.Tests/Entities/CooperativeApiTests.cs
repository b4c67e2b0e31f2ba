using Kaolack.Contracts.Cooperatives;

namespace Kaolack.Api.Tests.Entities;

public sealed class CooperativeApiTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Create_with_explicit_slug_returns_201_location_etag_and_the_normalised_cooperative()
    {
        var slug = Samples.Slug("coop-create");
        var profile = Samples.Cooperative("  Coopérative   Jokko  ", Region.Oriental, "olive", "argan") with
        {
            Contact = new Contact { Person = "Fatima", Email = "Fatima@Example.ORG" },
        };

        var response = await MemberHttp.Post($"/api/cooperatives?slug={slug}", profile);
        var created = await response.Read<Cooperative>(HttpStatusCode.Created);

        Assert.Equal($"/api/cooperatives/{slug}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(slug, created.Meta.Slug);
        Assert.Equal(1, created.Meta.Version);
        Assert.Equal(created.Meta.CreatedAt, created.Meta.UpdatedAt);
        Assert.Equal("Coopérative Jokko", created.Profile.Name);
        Assert.Equal("fatima@example.org", created.Profile.Contact.Email);
        Assert.Equal(Region.Oriental, created.Profile.Region);
        Assert.Equal(["olive", "argan"], created.Profile.ValueChains);
    }

    [Fact]
    public async Task Create_without_slug_derives_it_from_the_name_and_appends_a_number_when_taken()
    {
        var name = $"Coopérative d'Ndiaffate {Guid.NewGuid():N}"[..40];
        var expected = Slug.From(name);

        var first = await (await MemberHttp.Post("/api/cooperatives", Samples.Cooperative(name))).Read<Cooperative>(HttpStatusCode.Created);
        var secondResponse = await MemberHttp.Post("/api/cooperatives", Samples.Cooperative(name));
        var second = await secondResponse.Read<Cooperative>(HttpStatusCode.Created);

        Assert.StartsWith("cooperative-d-ndiaffate-", expected, StringComparison.Ordinal);
        Assert.Equal(expected, first.Meta.Slug);
        Assert.Equal($"{expected}-2", second.Meta.Slug);
        Assert.Equal($"/api/cooperatives/{expected}-2", secondResponse.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_returns_200_with_meta_profile_and_etag()
    {
        var slug = Samples.Slug("coop-get");
        var profile = Samples.Cooperative("Coopérative Get", Region.Kaolack, "mil");
        await (await MemberHttp.Post($"/api/cooperatives?slug={slug}", profile)).Read<Cooperative>(HttpStatusCode.Created);

        var response = await MemberHttp.GetAsync($"/api/cooperatives/{slug}");
        var read = await response.Read<Cooperative>();

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(slug, read.Meta.Slug);
        Assert.Equal(1, read.Meta.Version);
        Assert.Equal(profile.Name, read.Profile.Name);
        Assert.Equal(profile.MemberCount, read.Profile.MemberCount);
        Assert.Equal(profile.FairParticipations, read.Profile.FairParticipations);
        Assert.Equal(["mil"], read.Profile.ValueChains);
    }

    [Fact]
    public async Task Update_with_current_if_match_returns_200_the_next_version_and_persists_it()
    {
        var slug = Samples.Slug("coop-update");
        var created = await (await MemberHttp.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative("Avant"))).Read<Cooperative>(HttpStatusCode.Created);

        var response = await MemberHttp.Put($"/api/cooperatives/{slug}", created.Profile with { Name = "Après", MemberCount = 77 }, ifMatch: 1);
        var updated = await response.Read<Cooperative>();
        var read = await (await MemberHttp.GetAsync($"/api/cooperatives/{slug}")).Read<Cooperative>();

        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, updated.Meta.Version);
        Assert.Equal(created.Meta.CreatedAt, updated.Meta.CreatedAt);
        Assert.True(updated.Meta.UpdatedAt >= created.Meta.UpdatedAt);
        Assert.Equal("Après", updated.Profile.Name);
        Assert.Equal(2, read.Meta.Version);
        Assert.Equal("Après", read.Profile.Name);
        Assert.Equal(77, read.Profile.MemberCount);
    }

    [Fact]
    public async Task Delete_with_current_if_match_returns_204_and_the_cooperative_is_gone()
    {
        var slug = Samples.Slug("coop-delete");
        await (await MemberHttp.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative("À supprimer"))).Read<Cooperative>(HttpStatusCode.Created);

        var response = await MemberHttp.Delete($"/api/cooperatives/{slug}", ifMatch: 1);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await (await MemberHttp.GetAsync($"/api/cooperatives/{slug}")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Recreating_a_deleted_slug_continues_its_version_sequence()
    {
        var slug = Samples.Slug("coop-reuse");
        await (await MemberHttp.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative("Première"))).Read<Cooperative>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await MemberHttp.Delete($"/api/cooperatives/{slug}", ifMatch: 1)).StatusCode);

        var response = await MemberHttp.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative("Seconde"));
        var recreated = await response.Read<Cooperative>(HttpStatusCode.Created);

        Assert.Equal(3, recreated.Meta.Version);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        Assert.Equal("Seconde", recreated.Profile.Name);
    }
}
