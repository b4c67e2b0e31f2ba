using Kaolack.Contracts.Cooperatives;

namespace Kaolack.Api.Tests.Entities;

/// <summary>Refusals over HTTP: RFC 7807 bodies with a stable code, for each entity kind.</summary>
public sealed class ProblemDetailsTests(ApiFixture app) : ApiTests(app)
{
    public static TheoryData<string> Kinds => new() { "cooperatives", "diaspora-groups", "projects" };

    [Fact]
    public async Task Validation_failure_lists_every_broken_field_by_camel_case_path()
    {
        var profile = Samples.Cooperative("") with
        {
            MemberCount = 0,
            WomenSharePercent = 140,
            ValueChains = [],
            Languages = ["fr", "Wolof"],
            Contact = new Contact { Email = "pas-une-adresse" },
            FairParticipations = [new FairParticipation(Fair.SalonEssOriental, 1990, FairRole.Visitor)],
        };

        var response = await MemberHttp.Post("/api/cooperatives", profile);
        var problem = await response.Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(
            ["contact.email", "fairParticipations[0].year", "languages[1]", "memberCount", "name", "valueChains", "womenSharePercent"],
            problem.ErrorFields());
        Assert.Equal("/problems/validation-failed", problem.GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Malformed_json_is_a_400_problem(string kind)
    {
        var response = await MemberHttp.PostAsync($"/api/{kind}", Api.Raw("{\"name\": \"Coopérative\", "));

        var problem = await response.Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.NotEmpty(problem.ErrorFields());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Unknown_field_is_refused_and_named(string kind)
    {
        var body = JsonSerializer.SerializeToNode(ValidBody(kind, "Champ inconnu"), SiloHost.Json)!.AsObject();
        body["couleurPreferee"] = "vert";

        var response = await MemberHttp.PostAsync($"/api/{kind}", Api.Raw(body.ToJsonString()));
        var problem = await response.Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["couleurPreferee"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("cooperatives", "region", "casamance")]
    [InlineData("cooperatives", "legalForm", "sarl")]
    [InlineData("diaspora-groups", "originRegion", "dakar")]
    public async Task Unknown_enum_value_is_refused_and_named(string kind, string field, string value)
    {
        var body = JsonSerializer.SerializeToNode(ValidBody(kind, "Énumération inconnue"), SiloHost.Json)!.AsObject();
        body[field] = value;

        var response = await MemberHttp.PostAsync($"/api/{kind}", Api.Raw(body.ToJsonString()));
        var problem = await response.Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Unknown_status_value_is_refused_and_named()
    {
        var slug = Samples.Slug("projet-statut");
        await (await MemberHttp.Post($"/api/projects?slug={slug}", Samples.Project("Statut inconnu"))).Read<JsonElement>(HttpStatusCode.Created);

        var problem = await (await MemberHttp.PostAsync($"/api/projects/{slug}/status", Api.Raw("{\"status\":\"en-pause\"}")))
            .Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["status"], problem.ErrorFields());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Unknown_slug_is_404_for_get_put_and_delete(string kind)
    {
        var path = $"/api/{kind}/{Samples.Slug("absent")}";
        // Projects can be hidden: only who sees every project is told that one is missing (the next test).
        var http = kind == "projects" ? App.AdminClient : MemberHttp;

        await (await http.GetAsync(path)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await http.Put(path, ValidBody(kind, "Absent"), ifMatch: 1)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await http.Delete(path, ifMatch: 1)).Problem(HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>Issue 20: a hidden project answered 403 where a missing one answered 404, so slugs could be probed.</summary>
    [Fact]
    public async Task A_member_cannot_tell_a_hidden_project_from_a_missing_one()
    {
        var owner = await App.NewUserAsync("cache-p");
        using var ownerHttp = owner.Client(App.Host);
        var hidden = Samples.Slug("cache");
        await (await ownerHttp.Post($"/api/projects?slug={hidden}", Samples.Project("Projet caché"))).Read<JsonElement>(HttpStatusCode.Created);
        var missing = Samples.Slug("absent");

        foreach (var path in new[] { "", "/summary", "/plan" })
        {
            var toHidden = await (await MemberHttp.GetAsync($"/api/projects/{hidden}{path}")).Problem(HttpStatusCode.Forbidden, "forbidden");
            var toMissing = await (await MemberHttp.GetAsync($"/api/projects/{missing}{path}")).Problem(HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal(toHidden.GetProperty("title").GetString(), toMissing.GetProperty("title").GetString());
        }
        await (await ownerHttp.GetAsync($"/api/projects/{hidden}")).Read<JsonElement>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var response = await MemberHttp.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Duplicate_explicit_slug_is_409_and_the_first_entity_is_kept(string kind)
    {
        var slug = Samples.Slug("doublon");
        await (await MemberHttp.Post($"/api/{kind}?slug={slug}", ValidBody(kind, "Le premier"))).Read<JsonElement>(HttpStatusCode.Created);

        await (await MemberHttp.Post($"/api/{kind}?slug={slug}", ValidBody(kind, "Le second"))).Problem(HttpStatusCode.Conflict, "already-exists");
        var kept = await (await MemberHttp.GetAsync($"/api/{kind}/{slug}")).Read<JsonElement>();

        Assert.Equal(1, kept.GetProperty("meta").GetProperty("version").GetInt64());
        Assert.Equal("Le premier", NameOf(kind, kept));
    }

    [Theory]
    [InlineData("Pas Valide")]
    [InlineData("double--tiret")]
    [InlineData("-debut")]
    public async Task Invalid_explicit_slug_is_a_validation_problem(string slug)
    {
        var response = await MemberHttp.Post($"/api/cooperatives?slug={Uri.EscapeDataString(slug)}", Samples.Cooperative("Slug invalide"));

        var problem = await response.Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["slug"], problem.ErrorFields());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Stale_if_match_is_412_with_the_current_version_and_changes_nothing(string kind)
    {
        var slug = Samples.Slug("perime");
        await (await MemberHttp.Post($"/api/{kind}?slug={slug}", ValidBody(kind, "Version un"))).Read<JsonElement>(HttpStatusCode.Created);
        await (await MemberHttp.Put($"/api/{kind}/{slug}", ValidBody(kind, "Version deux"), ifMatch: 1)).Read<JsonElement>();

        var staleUpdate = await MemberHttp.Put($"/api/{kind}/{slug}", ValidBody(kind, "Écrasement"), ifMatch: 1);
        var updateProblem = await staleUpdate.Problem(HttpStatusCode.PreconditionFailed, "version-conflict");
        var staleDelete = await MemberHttp.Delete($"/api/{kind}/{slug}", ifMatch: 1);
        var deleteProblem = await staleDelete.Problem(HttpStatusCode.PreconditionFailed, "version-conflict");
        var afterResponse = await MemberHttp.GetAsync($"/api/{kind}/{slug}");
        var after = await afterResponse.Read<JsonElement>();

        Assert.Equal(2, updateProblem.GetProperty("currentVersion").GetInt64());
        Assert.Equal("\"2\"", staleUpdate.Headers.ETag?.Tag);
        Assert.Equal(2, deleteProblem.GetProperty("currentVersion").GetInt64());
        Assert.Equal("\"2\"", afterResponse.Headers.ETag?.Tag);
        Assert.Equal(2, after.GetProperty("meta").GetProperty("version").GetInt64());
        Assert.Equal("Version deux", NameOf(kind, after));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Missing_if_match_is_428_for_put_and_delete_and_changes_nothing(string kind)
    {
        var slug = Samples.Slug("sans-if-match");
        await (await MemberHttp.Post($"/api/{kind}?slug={slug}", ValidBody(kind, "Intact"))).Read<JsonElement>(HttpStatusCode.Created);

        await (await MemberHttp.Put($"/api/{kind}/{slug}", ValidBody(kind, "Modifié"), ifMatch: null)).Problem(HttpStatusCode.PreconditionRequired, "if-match-required");
        await (await MemberHttp.Delete($"/api/{kind}/{slug}", ifMatch: null)).Problem(HttpStatusCode.PreconditionRequired, "if-match-required");
        var after = await (await MemberHttp.GetAsync($"/api/{kind}/{slug}")).Read<JsonElement>();

        Assert.Equal(1, after.GetProperty("meta").GetProperty("version").GetInt64());
        Assert.Equal("Intact", NameOf(kind, after));
    }

    [Fact]
    public async Task Unparsable_if_match_is_a_validation_problem()
    {
        var slug = Samples.Slug("if-match-illisible");
        await (await MemberHttp.Post($"/api/cooperatives?slug={slug}", Samples.Cooperative("If-Match illisible"))).Read<JsonElement>(HttpStatusCode.Created);
        using var request = Api.Request(HttpMethod.Put, $"/api/cooperatives/{slug}", Api.Json(Samples.Cooperative("Modifié")), ifMatch: null);
        request.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");

        var problem = await (await MemberHttp.SendAsync(request)).Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["If-Match"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("/api/cooperatives?region=casamance", "region")]
    [InlineData("/api/cooperatives?pageSize=0", "pageSize")]
    [InlineData("/api/cooperatives?page=0", "page")]
    [InlineData("/api/projects?status=en-pause", "status")]
    public async Task Invalid_list_parameters_are_validation_problems(string path, string field)
    {
        var problem = await (await MemberHttp.GetAsync(path)).Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal([field], problem.ErrorFields());
    }

    private static object ValidBody(string kind, string name) => kind switch
    {
        "cooperatives" => Samples.Cooperative(name),
        "diaspora-groups" => Samples.DiasporaGroup(name),
        "projects" => Samples.Project(name),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string? NameOf(string kind, JsonElement entity) => kind == "projects"
        ? entity.GetProperty("charter").GetProperty("title").GetString()
        : entity.GetProperty("profile").GetProperty("name").GetString();
}
