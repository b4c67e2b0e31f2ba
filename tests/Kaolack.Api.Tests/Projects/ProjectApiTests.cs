using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;

namespace Kaolack.Api.Tests.Projects;

public sealed class ProjectApiTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Create_returns_201_location_etag_and_a_proposed_project_with_its_first_activity()
    {
        var slug = Samples.Slug("projet-create");

        var response = await MemberHttp.Post($"/api/projects?slug={slug}", Samples.Project("Huile d'olive et d'arachide", "olive", "arachide"));
        var created = await response.Read<JointProject>(HttpStatusCode.Created);

        Assert.Equal($"/api/projects/{slug}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(slug, created.Meta.Slug);
        Assert.Equal(1, created.Meta.Version);
        Assert.Equal(ProjectStatus.Proposed, created.Status);
        Assert.Empty(created.Partners);
        Assert.Empty(created.Contributions);
        var activity = Assert.Single(created.Activity);
        Assert.Equal("created", activity.Kind);
        Assert.Equal(1, activity.Version);
        Assert.Equal(new Money(15_000_000m, Currency.Xof), created.Charter.Budget);
    }

    [Fact]
    public async Task Create_without_slug_derives_it_from_the_title()
    {
        var title = $"Séchage solaire {Guid.NewGuid():N}"[..30];

        var created = await (await MemberHttp.Post("/api/projects", Samples.Project(title))).Read<JointProject>(HttpStatusCode.Created);

        Assert.Equal(Slug.From(title), created.Meta.Slug);
        Assert.StartsWith("sechage-solaire-", created.Meta.Slug, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_update_and_delete_follow_the_versions()
    {
        var slug = Samples.Slug("projet-crud");
        await (await MemberHttp.Post($"/api/projects?slug={slug}", Samples.Project("Version un"))).Read<JointProject>(HttpStatusCode.Created);

        var getResponse = await MemberHttp.GetAsync($"/api/projects/{slug}");
        var read = await getResponse.Read<JointProject>();
        var putResponse = await MemberHttp.Put($"/api/projects/{slug}", read.Charter with { Title = "Version deux", SdgTags = [5, 2, 5] }, ifMatch: 1);
        var updated = await putResponse.Read<JointProject>();
        var deleteResponse = await MemberHttp.Delete($"/api/projects/{slug}", ifMatch: 2);

        Assert.Equal("\"1\"", getResponse.Headers.ETag?.Tag);
        Assert.Equal("Version un", read.Charter.Title);
        Assert.Equal("\"2\"", putResponse.Headers.ETag?.Tag);
        Assert.Equal(2, updated.Meta.Version);
        Assert.Equal("Version deux", updated.Charter.Title);
        Assert.Equal([2, 5], updated.Charter.SdgTags);
        Assert.Equal(["created", "updated"], updated.Activity.Select(a => a.Kind));
        Assert.Equal(HttpStatusCode.NoContent, deleteResponse.StatusCode);
        // Gone, it answers as a project the member may not see (issue 20): only who sees every project learns it is missing.
        await (await MemberHttp.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await App.AdminClient.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Partners_are_added_once_and_removed()
    {
        var (project, kaolackCoop, orientalGroup) = await ProjectWithPossiblePartners("partenaires");

        var added = await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.Cooperative, kaolackCoop))).Read<JointProject>();
        var again = await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.Cooperative, kaolackCoop))).Read<JointProject>();
        var both = await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.DiasporaGroup, orientalGroup))).Read<JointProject>();
        var removedResponse = await MemberHttp.DeleteAsync($"/api/projects/{project}/partners/cooperative/{kaolackCoop}");
        var removed = await removedResponse.Read<JointProject>();

        var partner = Assert.Single(added.Partners);
        Assert.Equal((EntityKind.Cooperative, kaolackCoop, "Coopérative partenaire de Kaolack", Region.Kaolack),
            (partner.Kind, partner.Slug, partner.Name, partner.Region));
        Assert.Equal(2, added.Meta.Version);
        Assert.Equal(2, again.Meta.Version);
        Assert.Single(again.Partners);
        Assert.Equal(3, both.Meta.Version);
        Assert.Equal([Region.Kaolack, Region.Oriental], both.Partners.Select(p => p.Region));
        Assert.Equal("\"4\"", removedResponse.Headers.ETag?.Tag);
        Assert.Equal(orientalGroup, Assert.Single(removed.Partners).Slug);
        Assert.Equal(["created", "partner-added", "partner-added", "partner-removed"], removed.Activity.Select(a => a.Kind));
    }

    [Fact]
    public async Task Adding_a_partner_that_does_not_exist_or_an_unknown_partner_kind_is_a_validation_problem_and_removing_a_non_partner_is_404()
    {
        var (project, _, _) = await ProjectWithPossiblePartners("partenaire-absent");

        var unknown = await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.Cooperative, "personne-ici")))
            .Problem(HttpStatusCode.BadRequest, "validation-failed");
        await (await MemberHttp.DeleteAsync($"/api/projects/{project}/partners/cooperative/personne-ici")).Problem(HttpStatusCode.NotFound, "not-found");
        var badKind = await (await MemberHttp.DeleteAsync($"/api/projects/{project}/partners/ville/kaolack")).Problem(HttpStatusCode.BadRequest, "validation-failed");
        var read = await (await MemberHttp.GetAsync($"/api/projects/{project}")).Read<JointProject>();

        Assert.Equal(["slug"], unknown.ErrorFields());
        Assert.Equal(["kind"], badKind.ErrorFields());
        Assert.Equal(1, read.Meta.Version);
    }

    [Fact]
    public async Task Activating_without_partners_of_both_regions_is_422_and_succeeds_once_both_regions_are_present()
    {
        var (project, kaolackCoop, orientalGroup) = await ProjectWithPossiblePartners("activation");

        var none = await (await MemberHttp.Post($"/api/projects/{project}/status", new { status = "active" })).Problem(HttpStatusCode.UnprocessableEntity, "rule-violation");
        await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.Cooperative, kaolackCoop))).Read<JointProject>();
        var oneRegion = await (await MemberHttp.Post($"/api/projects/{project}/status", new { status = "active" })).Problem(HttpStatusCode.UnprocessableEntity, "rule-violation");
        var stillProposed = await (await MemberHttp.GetAsync($"/api/projects/{project}")).Read<JointProject>();
        await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.DiasporaGroup, orientalGroup))).Read<JointProject>();
        var activeResponse = await MemberHttp.Post($"/api/projects/{project}/status", new { status = "active" });
        var active = await activeResponse.Read<JointProject>();

        Assert.Equal("partners-from-both-regions", none.GetProperty("rule").GetString());
        Assert.Equal("partners-from-both-regions", oneRegion.GetProperty("rule").GetString());
        Assert.Equal(ProjectStatus.Proposed, stillProposed.Status);
        Assert.Equal(2, stillProposed.Meta.Version);
        Assert.Equal(ProjectStatus.Active, active.Status);
        Assert.Equal("\"4\"", activeResponse.Headers.ETag?.Tag);
        Assert.Equal("status-changed", active.Activity[^1].Kind);
    }

    [Fact]
    public async Task An_active_project_cannot_lose_its_last_partner_of_a_region_and_invalid_transitions_are_422()
    {
        var (project, kaolackCoop, orientalGroup) = await ProjectWithPossiblePartners("actif");
        await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.Cooperative, kaolackCoop))).Read<JointProject>();
        await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.DiasporaGroup, orientalGroup))).Read<JointProject>();

        var skip = await (await MemberHttp.Post($"/api/projects/{project}/status", new { status = "completed" })).Problem(HttpStatusCode.UnprocessableEntity, "rule-violation");
        await (await MemberHttp.Post($"/api/projects/{project}/status", new { status = "active" })).Read<JointProject>();
        var removal = await (await MemberHttp.DeleteAsync($"/api/projects/{project}/partners/diaspora-group/{orientalGroup}"))
            .Problem(HttpStatusCode.UnprocessableEntity, "rule-violation");
        var atRisk = await (await MemberHttp.Post($"/api/projects/{project}/status", new { status = "at-risk" })).Read<JointProject>();

        Assert.Equal("status-transition", skip.GetProperty("rule").GetString());
        Assert.Equal("partners-from-both-regions", removal.GetProperty("rule").GetString());
        Assert.Equal(ProjectStatus.AtRisk, atRisk.Status);
        Assert.Equal(2, atRisk.Partners.Length);
    }

    [Fact]
    public async Task Contributions_are_numbered_and_logged()
    {
        var (project, _, _) = await ProjectWithPossiblePartners("contributions");
        var contribution = new ContributionInput
        {
            From = "Commune de Kaolack",
            Amount = new Money(500_000m, Currency.Xof),
            ReceivedOn = new DateOnly(2025, 5, 2),
            Note = "Première tranche",
        };

        var first = await (await MemberHttp.Post($"/api/projects/{project}/contributions", contribution)).Read<JointProject>();
        var second = await (await MemberHttp.Post($"/api/projects/{project}/contributions", contribution with { From = "Région de l'Oriental" })).Read<JointProject>();
        var invalid = await (await MemberHttp.Post($"/api/projects/{project}/contributions", contribution with { From = "", Amount = new Money(-1m, Currency.Mad) }))
            .Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(1, Assert.Single(first.Contributions).Number);
        Assert.Equal([1, 2], second.Contributions.Select(c => c.Number));
        Assert.Equal("Région de l'Oriental", second.Contributions[1].Details.From);
        Assert.Equal(3, second.Meta.Version);
        Assert.Equal("contribution-added", second.Activity[^1].Kind);
        Assert.Equal(["amount.amount", "from"], invalid.ErrorFields());
    }

    /// <summary>A proposed project, a cooperative of Kaolack and a diaspora group of the Oriental, none linked yet.</summary>
    private async Task<(string Project, string KaolackCoop, string OrientalGroup)> ProjectWithPossiblePartners(string prefix)
    {
        var project = Samples.Slug($"projet-{prefix}");
        var coop = Samples.Slug("coop-partenaire");
        var group = Samples.Slug("diaspora-partenaire");
        await (await MemberHttp.Post($"/api/projects?slug={project}", Samples.Project($"Projet {prefix}"))).Read<JointProject>(HttpStatusCode.Created);
        await (await MemberHttp.Post($"/api/cooperatives?slug={coop}", Samples.Cooperative("Coopérative partenaire de Kaolack", Region.Kaolack)))
            .Read<Cooperative>(HttpStatusCode.Created);
        await (await MemberHttp.Post($"/api/diaspora-groups?slug={group}", Samples.DiasporaGroup("Diaspora partenaire de l'Oriental", Region.Oriental)))
            .Read<DiasporaGroup>(HttpStatusCode.Created);
        return (project, coop, group);
    }
}
