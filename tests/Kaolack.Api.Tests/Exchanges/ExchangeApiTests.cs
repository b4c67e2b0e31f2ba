using Kaolack.Api.Tests.Live;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Exchanges;

namespace Kaolack.Api.Tests.Exchanges;

/// <summary>Offers and needs over REST and the hub: posting for one's organisation, the live reply thread, matches, status, the joint project.</summary>
public sealed class ExchangeApiTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task A_need_gets_a_live_reply_is_matched_and_becomes_a_joint_project_with_both_organisations_as_partners()
    {
        using var oriental = await App.SignInNewUserAsync("membre-oriental", Role.Member);
        var kaolack = await CreateCooperative(MemberHttp, "Coopérative de Ndoffane", Region.Kaolack, "arachide");
        var taourirt = await CreateCooperative(oriental.Http, "Coopérative de Taourirt", Region.Oriental, "huile d'olive");
        var need = await (await MemberHttp.Post("/api/exchanges", Need(kaolack))).Read<ExchangePost>(HttpStatusCode.Created);
        var offer = await (await oriental.Http.Post("/api/exchanges", Need(taourirt) with { Kind = ExchangePostKind.Offer, Title = "Huile d'olive à vendre" }))
            .Read<ExchangePost>(HttpStatusCode.Created);
        await using var connection = App.Member.Hub(App.Host);
        var log = new LiveEventLog(connection);
        await connection.StartAsync();
        var topic = $"exchange:{need.Meta.Slug}";
        await LiveEventLog.Subscribe(connection, topic, 1);

        var matches = await (await MemberHttp.GetAsync($"/api/exchanges/{need.Meta.Slug}/matches")).Read<ExchangeMatch[]>();
        await (await oriental.Http.Post($"/api/exchanges/{need.Meta.Slug}/replies", new ReplyInput(new PartnerRef(EntityKind.Cooperative, taourirt), "Nous avons 2 t.")))
            .Read<ExchangePost>();
        var pushed = (await log.WaitForVersion(topic, 2, "the author")).Single(e => e.Version == 2);
        var matched = await (await MemberHttp.Post($"/api/exchanges/{need.Meta.Slug}/status",
            new ExchangeStatusInput(ExchangePostStatus.Matched, new PartnerRef(EntityKind.Cooperative, taourirt)))).Read<ExchangePost>();
        var started = await MemberHttp.Post($"/api/exchanges/{need.Meta.Slug}/project", new { });
        var withProject = await started.Read<ExchangePost>(HttpStatusCode.Created);
        var project = await (await MemberHttp.GetAsync($"/api/projects/{withProject.ProjectSlug}")).Read<JointProject>();

        Assert.Contains(matches, m => m.Slug == offer.Meta.Slug && m.Reasons.Any(r => r.Code == Contracts.Suggestions.SuggestionReasonCode.OfferMeetsNeed));
        Assert.Equal("Nous avons 2 t.", Assert.IsType<JsonElement>(pushed.Data).GetProperty("replies")[0].GetProperty("text").GetString());
        Assert.Equal(ExchangePostStatus.Matched, matched.Status);
        Assert.Equal(taourirt, matched.MatchedWith?.Slug);
        Assert.Equal($"/api/projects/{withProject.ProjectSlug}", started.Headers.Location?.OriginalString);
        Assert.Equal([kaolack, taourirt], project.Partners.Select(p => p.Slug));
        Assert.Equal("Besoin d'huile d'olive", project.Charter.Title);
    }

    [Fact]
    public async Task Only_members_of_the_organisation_post_for_it_and_a_partner_reads_but_does_not_post()
    {
        using var stranger = await App.SignInNewUserAsync("etranger", Role.Member);
        using var partner = await App.SignInNewUserAsync("partenaire-annonces", Role.Partner);
        var cooperative = await CreateCooperative(MemberHttp, "Coopérative gardée", Region.Kaolack, "mil");
        var post = await (await MemberHttp.Post("/api/exchanges", Need(cooperative))).Read<ExchangePost>(HttpStatusCode.Created);

        await (await stranger.Http.Post("/api/exchanges", Need(cooperative))).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await partner.Http.Post("/api/exchanges", Need(cooperative))).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await partner.Http.Post($"/api/exchanges/{post.Meta.Slug}/replies", new ReplyInput(new PartnerRef(EntityKind.Cooperative, cooperative), "Non")))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await stranger.Http.Post($"/api/exchanges/{post.Meta.Slug}/status", new ExchangeStatusInput(ExchangePostStatus.Closed, null)))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        var read = await (await partner.Http.GetAsync($"/api/exchanges/{post.Meta.Slug}")).Read<ExchangePost>();

        Assert.Equal((1L, ExchangePostStatus.Open), (read.Meta.Version, read.Status));
        Assert.Empty(read.Replies);
    }

    [Fact]
    public async Task An_invalid_post_is_a_validation_problem_and_a_stale_status_change_is_refused()
    {
        var cooperative = await CreateCooperative(MemberHttp, "Coopérative pressée", Region.Kaolack, "sel");
        var problem = await (await MemberHttp.Post("/api/exchanges", Need(cooperative) with { Title = "" })).Problem(HttpStatusCode.BadRequest, "validation-failed");
        var post = await (await MemberHttp.Post("/api/exchanges", Need(cooperative))).Read<ExchangePost>(HttpStatusCode.Created);

        var stale = await MemberHttp.SendAsync(Api.Request(HttpMethod.Post, $"/api/exchanges/{post.Meta.Slug}/status",
            Api.Json(new ExchangeStatusInput(ExchangePostStatus.Closed, null)), ifMatch: 7));
        var read = await (await MemberHttp.GetAsync($"/api/exchanges/{post.Meta.Slug}")).Read<ExchangePost>();

        Assert.Equal(["title"], problem.ErrorFields());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(ExchangePostStatus.Open, read.Status);
    }

    private static ExchangePostInput Need(string cooperative) => Samples.Need(new PartnerRef(EntityKind.Cooperative, cooperative));

    private static async Task<string> CreateCooperative(HttpClient http, string name, Region region, string valueChain)
    {
        var slug = Samples.Slug("cooperative-annonce");
        await (await http.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative(name, region, valueChain))).Read<Cooperative>(HttpStatusCode.Created);
        return slug;
    }
}
