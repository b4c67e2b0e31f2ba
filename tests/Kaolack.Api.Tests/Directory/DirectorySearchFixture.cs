using System.Net;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Projects;
using Kaolack.Testing;

namespace Kaolack.Api.Tests.Directory;

/// <summary>
/// Its own Azurite and app (so its own ServiceId), seeded once with a known set of entities, so listing
/// counts are exact: 25 cooperatives, 2 diaspora groups, 3 projects. The administrator seeds and reads, as it
/// sees every project.
/// </summary>
public sealed class DirectorySearchFixture : HostFixture
{
    public const string Cereales = "femmes-transformatrices";
    public const string Argan = "huile-argan";
    public const string Sel = "gie-sel";
    public const string Miel = "oujda-miel";
    public const string BeniDrar = "beni-drar";

    public const string ParisGroup = "ressortissants-paris";
    public const string BruxellesGroup = "collectif-bruxelles";

    public const string SolarProject = "sechage-solaire";
    public const string OliveProject = "huile-olive-arachide";
    public const string HoneyProject = "miel-du-rif";

    private HttpClient? admin;

    /// <summary>A client signed in as the configured administrator.</summary>
    public HttpClient Admin => admin ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>12 fillers of Kaolack, then 8 of the Oriental.</summary>
    public static IReadOnlyList<string> Fillers { get; } = [.. Enumerable.Range(1, 20).Select(i => $"remplissage-{i:00}")];

    public static IReadOnlyList<string> AllCooperatives { get; } = [.. Fillers, Cereales, Argan, Sel, Miel, BeniDrar];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        admin = (await TestUser.AdminAsync(Host)).Client(Host);
        var http = Admin;
        for (var i = 1; i <= Fillers.Count; i++)
        {
            await Create(http, "cooperatives", Fillers[i - 1], Plain($"Remplissage {i:00}", i <= 12 ? Region.Kaolack : Region.Oriental, "mil"));
        }
        await Create(http, "cooperatives", Cereales, Plain("Coopérative des Femmes Transformatrices de Céréales", Region.Kaolack, "céréales") with
        {
            Commune = "Ndiaffate",
            Products = ["thiakry", "araw"],
        });
        await Create(http, "cooperatives", Argan, Plain("Union des Producteurs d'Huile d'Argan", Region.Oriental, "argan") with { Commune = "Berkane" });
        await Create(http, "cooperatives", Sel, Plain("GIE Sénégalaise du Sel", Region.Kaolack, "sel") with { LegalForm = LegalForm.Gie });
        await Create(http, "cooperatives", Miel, Plain("Association Oujda Miel", Region.Oriental, "apiculture") with
        {
            LegalForm = LegalForm.Association,
            Description = "Miel de thym et d'euphorbe des plateaux.",
        });
        await Create(http, "cooperatives", BeniDrar, Plain("Coopérative Agricole Béni Drar", Region.Oriental, "céréales", "olives") with { Commune = "Béni Drar" });

        await Create(http, "diaspora-groups", ParisGroup, Samples.DiasporaGroup("Association des Ressortissants de Kaolack à Paris", Region.Kaolack) with
        {
            Country = "France",
            City = "Paris",
            Skills = ["logistique"],
            InterestAreas = [],
            Description = "",
        });
        await Create(http, "diaspora-groups", BruxellesGroup, Samples.DiasporaGroup("Collectif Oriental de Bruxelles", Region.Oriental) with
        {
            Country = "Belgique",
            City = "Bruxelles",
            Skills = ["comptabilité"],
            InterestAreas = ["énergie solaire"],
            Description = "",
        });

        await Create(http, "projects", SolarProject, Samples.Project("Séchage solaire de mangues", "mangue") with { Summary = "" });
        await Create(http, "projects", OliveProject, Samples.Project("Huile d'olive et d'arachide", "olive", "arachide") with { Summary = "" });
        await Create(http, "projects", HoneyProject, Samples.Project("Miel du Rif", "apiculture") with { Summary = "" });
        await Send(http, $"/api/projects/{OliveProject}/partners", new PartnerRef(EntityKind.Cooperative, Cereales));
        await Send(http, $"/api/projects/{OliveProject}/partners", new PartnerRef(EntityKind.Cooperative, Argan));
        await Send(http, $"/api/projects/{OliveProject}/status", new { status = "active" });
        await Send(http, $"/api/projects/{HoneyProject}/status", new { status = "cancelled" });
    }

    public override async Task DisposeAsync()
    {
        admin?.Dispose();
        await base.DisposeAsync();
    }

    private static CooperativeProfile Plain(string name, Region region, params string[] valueChains) =>
        Samples.Cooperative(name, region, valueChains) with { Products = [], CapacityNeeds = [], Description = "" };

    private static async Task Create<T>(HttpClient http, string kind, string slug, T body)
    {
        var response = await http.Post($"/api/{kind}?slug={slug}", body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Seeding {kind}/{slug} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task Send<T>(HttpClient http, string path, T body)
    {
        var response = await http.Post(path, body);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Seeding {path} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
