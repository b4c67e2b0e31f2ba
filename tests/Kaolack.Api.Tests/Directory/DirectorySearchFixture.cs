using Kaolack.Contracts.Cooperatives;

namespace Kaolack.Api.Tests.Directory;

/// <summary>
/// Its own Azurite and app (so its own ServiceId), seeded once with a known set of entities, so listing
/// counts are exact: 25 cooperatives, 2 diaspora groups, 3 projects. The administrator seeds and reads, as it
/// sees every project.
/// </summary>
public sealed class DirectorySearchFixture : SeededHostFixture
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

    /// <summary>12 fillers of Kaolack, then 8 of the Oriental.</summary>
    public static IReadOnlyList<string> Fillers { get; } = [.. Enumerable.Range(1, 20).Select(i => $"remplissage-{i:00}")];

    public static IReadOnlyList<string> AllCooperatives { get; } = [.. Fillers, Cereales, Argan, Sel, Miel, BeniDrar];

    protected override async Task SeedAsync()
    {
        for (var i = 1; i <= Fillers.Count; i++)
        {
            await Create("cooperatives", Fillers[i - 1], Plain($"Remplissage {i:00}", i <= 12 ? Region.Kaolack : Region.Oriental, "mil"));
        }
        await Create("cooperatives", Cereales, Plain("Coopérative des Femmes Transformatrices de Céréales", Region.Kaolack, "céréales") with
        {
            Commune = "Ndiaffate",
            Products = ["thiakry", "araw"],
        });
        await Create("cooperatives", Argan, Plain("Union des Producteurs d'Huile d'Argan", Region.Oriental, "argan") with { Commune = "Berkane" });
        await Create("cooperatives", Sel, Plain("GIE Sénégalaise du Sel", Region.Kaolack, "sel") with { LegalForm = LegalForm.Gie });
        await Create("cooperatives", Miel, Plain("Association Oujda Miel", Region.Oriental, "apiculture") with
        {
            LegalForm = LegalForm.Association,
            Description = "Miel de thym et d'euphorbe des plateaux.",
        });
        await Create("cooperatives", BeniDrar, Plain("Coopérative Agricole Béni Drar", Region.Oriental, "céréales", "olives") with { Commune = "Béni Drar" });

        await Create("diaspora-groups", ParisGroup, Samples.DiasporaGroup("Association des Ressortissants de Kaolack à Paris", Region.Kaolack) with
        {
            Country = "France",
            City = "Paris",
            Skills = ["logistique"],
            InterestAreas = [],
            Description = "",
        });
        await Create("diaspora-groups", BruxellesGroup, Samples.DiasporaGroup("Collectif Oriental de Bruxelles", Region.Oriental) with
        {
            Country = "Belgique",
            City = "Bruxelles",
            Skills = ["comptabilité"],
            InterestAreas = ["énergie solaire"],
            Description = "",
        });

        await Create("projects", SolarProject, Samples.Project("Séchage solaire de mangues", "mangue") with { Summary = "" });
        await Create("projects", OliveProject, Samples.Project("Huile d'olive et d'arachide", "olive", "arachide") with { Summary = "" });
        await Create("projects", HoneyProject, Samples.Project("Miel du Rif", "apiculture") with { Summary = "" });
        await Send($"/api/projects/{OliveProject}/partners", new PartnerRef(EntityKind.Cooperative, Cereales));
        await Send($"/api/projects/{OliveProject}/partners", new PartnerRef(EntityKind.Cooperative, Argan));
        await Send($"/api/projects/{OliveProject}/status", new { status = "active" });
        await Send($"/api/projects/{HoneyProject}/status", new { status = "cancelled" });
    }

    private static CooperativeProfile Plain(string name, Region region, params string[] valueChains) =>
        Samples.Cooperative(name, region, valueChains) with { Products = [], CapacityNeeds = [], Description = "" };
}
