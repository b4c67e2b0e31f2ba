using Kaolack.Contracts.Diaspora;

namespace Kaolack.Api.Tests.Entities;

public sealed class DiasporaGroupApiTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Create_returns_201_location_etag_and_the_group()
    {
        var slug = Samples.Slug("diaspora-create");
        var profile = Samples.DiasporaGroup("Ressortissants de l'Oriental à Lyon") with
        {
            Pledges =
            [
                new Pledge { Kind = PledgeKind.Money, Value = new Money(5_000m, Currency.Eur), Description = "Pressoir", ProjectSlug = "huile-olive" },
                new Pledge { Kind = PledgeKind.InKind, Description = "Formation marketing", ProjectSlug = "huile-olive" },
            ],
        };

        var response = await MemberHttp.Post($"/api/diaspora-groups?slug={slug}", profile);
        var created = await response.Read<DiasporaGroup>(HttpStatusCode.Created);

        Assert.Equal($"/api/diaspora-groups/{slug}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(slug, created.Meta.Slug);
        Assert.Equal(1, created.Meta.Version);
        Assert.Equal(Region.Oriental, created.Profile.OriginRegion);
        Assert.Equal(2, created.Profile.Pledges.Length);
        Assert.Equal(new Money(5_000m, Currency.Eur), created.Profile.Pledges[0].Value);
        Assert.Null(created.Profile.Pledges[1].Value);
    }

    [Fact]
    public async Task Get_returns_200_with_meta_profile_and_etag()
    {
        var slug = Samples.Slug("diaspora-get");
        var profile = Samples.DiasporaGroup("Kaolackois de Milan", Region.Kaolack) with { Skills = ["ingénierie", "marketing"] };
        await (await MemberHttp.Post($"/api/diaspora-groups?slug={slug}", profile)).Read<DiasporaGroup>(HttpStatusCode.Created);

        var response = await MemberHttp.GetAsync($"/api/diaspora-groups/{slug}");
        var read = await response.Read<DiasporaGroup>();

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(slug, read.Meta.Slug);
        Assert.Equal("Kaolackois de Milan", read.Profile.Name);
        Assert.Equal(Region.Kaolack, read.Profile.OriginRegion);
        Assert.Equal(["ingénierie", "marketing"], read.Profile.Skills);
    }

    [Fact]
    public async Task Update_with_current_if_match_returns_200_and_the_next_version()
    {
        var slug = Samples.Slug("diaspora-update");
        var created = await (await MemberHttp.Post($"/api/diaspora-groups?slug={slug}", Samples.DiasporaGroup("Groupe de Lyon"))).Read<DiasporaGroup>(HttpStatusCode.Created);

        var response = await MemberHttp.Put($"/api/diaspora-groups/{slug}", created.Profile with { City = "Marseille", MemberCount = 200 }, ifMatch: 1);
        var updated = await response.Read<DiasporaGroup>();
        var read = await (await MemberHttp.GetAsync($"/api/diaspora-groups/{slug}")).Read<DiasporaGroup>();

        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, updated.Meta.Version);
        Assert.Equal("Marseille", updated.Profile.City);
        Assert.Equal(2, read.Meta.Version);
        Assert.Equal("Marseille", read.Profile.City);
        Assert.Equal(200, read.Profile.MemberCount);
    }

    [Fact]
    public async Task Delete_with_current_if_match_returns_204_and_the_group_is_gone()
    {
        var slug = Samples.Slug("diaspora-delete");
        await (await MemberHttp.Post($"/api/diaspora-groups?slug={slug}", Samples.DiasporaGroup("Groupe éphémère"))).Read<DiasporaGroup>(HttpStatusCode.Created);

        var response = await MemberHttp.Delete($"/api/diaspora-groups/{slug}", ifMatch: 1);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await MemberHttp.GetAsync($"/api/diaspora-groups/{slug}")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Invalid_pledges_are_reported_by_field_path()
    {
        var profile = Samples.DiasporaGroup("Groupe aux promesses") with
        {
            Pledges = [new Pledge { Kind = PledgeKind.Money, Description = "", ProjectSlug = "Pas Un Slug" }],
        };

        var problem = await (await MemberHttp.Post("/api/diaspora-groups", profile)).Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["pledges[0].description", "pledges[0].projectSlug", "pledges[0].value"], problem.ErrorFields());
    }
}
