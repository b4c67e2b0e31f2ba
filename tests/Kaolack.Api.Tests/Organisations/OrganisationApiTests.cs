using Kaolack.Api.Tests.Live;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Organisations;

namespace Kaolack.Api.Tests.Organisations;

/// <summary>Organisations of every kind over REST and the hub: the directory's filters, contacts kept from read-only partners, partners of projects.</summary>
public sealed class OrganisationApiTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Create_returns_201_with_the_organisation_and_a_read_returns_it_whole_to_a_member()
    {
        var slug = Samples.Slug("organisation-creation");

        var response = await MemberHttp.Post($"/api/organisations?slug={slug}", Samples.Organisation("Université du Sine-Saloum", OrganisationKind.Training));
        var created = await response.Read<Organisation>(HttpStatusCode.Created);
        var read = await (await MemberHttp.GetAsync($"/api/organisations/{slug}")).Read<Organisation>();

        Assert.Equal($"/api/organisations/{slug}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, created.Meta.Version);
        Assert.Equal(OrganisationKind.Training, read.Profile.Kind);
        Assert.Equal("contact@cciak.sn", read.Profile.Contact.Email);
        Assert.Equal([App.Member.Email], read.Members);
    }

    [Fact]
    public async Task An_invalid_profile_is_a_validation_problem_naming_its_fields_and_creates_nothing()
    {
        var slug = Samples.Slug("organisation-invalide");

        var problem = await (await MemberHttp.Post($"/api/organisations?slug={slug}", Samples.Organisation() with { Place = "", Sectors = [] }))
            .Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["place", "sectors"], problem.ErrorFields().Order());
        await (await MemberHttp.GetAsync($"/api/organisations/{slug}")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_partner_reads_the_organisation_and_its_live_events_without_the_contact()
    {
        var slug = Samples.Slug("organisation-contact");
        await (await MemberHttp.Post($"/api/organisations?slug={slug}", Samples.Organisation())).Read<Organisation>(HttpStatusCode.Created);
        using var partner = await App.SignInNewUserAsync("partenaire-contact", Role.Partner);
        await using var connection = partner.Hub();
        var log = new LiveEventLog(connection);
        await connection.StartAsync();
        var topic = $"organisation:{slug}";
        var catchUp = await LiveEventLog.Subscribe(connection, topic, null);

        var read = await (await partner.Http.GetAsync($"/api/organisations/{slug}")).Read<Organisation>();
        await (await MemberHttp.Put($"/api/organisations/{slug}", Samples.Organisation() with { Place = "Kahone" }, ifMatch: 1)).Read<Organisation>();
        var pushed = (await log.WaitForVersion(topic, 2, "the partner")).Single(e => e.Version == 2);

        Assert.Equal(new Contact(), read.Profile.Contact);
        foreach (var data in new[] { Assert.Single(catchUp.Events).Data, pushed.Data })
        {
            var profile = Assert.IsType<JsonElement>(data).GetProperty("profile");
            Assert.False(profile.GetProperty("contact").TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String,
                "A partner received the contact's e-mail.");
        }
        Assert.Equal("Kahone", Assert.IsType<JsonElement>(pushed.Data).GetProperty("profile").GetProperty("place").GetString());
    }

    [Fact]
    public async Task The_directory_filters_organisations_by_kind_region_and_sector()
    {
        var token = Samples.Token();
        foreach (var (name, kind, region) in new[]
        {
            ($"Commune de Ndiaffate {token}", OrganisationKind.LocalAuthority, Region.Kaolack),
            ($"Région de l'Oriental {token}", OrganisationKind.LocalAuthority, Region.Oriental),
            ($"ONG Jappo {token}", OrganisationKind.Ngo, Region.Kaolack),
        })
        {
            await (await MemberHttp.Post("/api/organisations", Samples.Organisation(name, kind, region))).Read<Organisation>(HttpStatusCode.Created);
        }

        var page = await (await MemberHttp.GetAsync($"/api/organisations?q={token}&organisationKind=local-authority&region=kaolack&valueChain=arachide"))
            .Read<DirectoryPage>();
        var bad = await (await MemberHttp.GetAsync("/api/organisations?organisationKind=banque")).Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal([$"Commune de Ndiaffate {token}"], page.Items.Select(e => e.Name));
        Assert.Equal(OrganisationKind.LocalAuthority, page.Items[0].OrganisationKind);
        Assert.Equal(["organisationKind"], bad.ErrorFields());
    }

    [Fact]
    public async Task An_organisation_becomes_a_partner_of_a_joint_project()
    {
        var organisation = Samples.Slug("organisation-partenaire");
        var project = Samples.Slug("projet-organisation");
        await (await MemberHttp.Post($"/api/organisations?slug={organisation}", Samples.Organisation("Chambre régionale d'agriculture", region: Region.Oriental)))
            .Read<Organisation>(HttpStatusCode.Created);
        await (await MemberHttp.Post($"/api/projects?slug={project}", Samples.Project())).Read<JointProject>(HttpStatusCode.Created);

        var joined = await (await MemberHttp.Post($"/api/projects/{project}/partners", new PartnerRef(EntityKind.Organisation, organisation))).Read<JointProject>();
        var left = await (await MemberHttp.Delete($"/api/projects/{project}/partners/organisation/{organisation}", null)).Read<JointProject>();

        var partner = Assert.Single(joined.Partners);
        Assert.Equal((EntityKind.Organisation, organisation, Region.Oriental), (partner.Kind, partner.Slug, partner.Region));
        Assert.Empty(left.Partners);
    }
}
