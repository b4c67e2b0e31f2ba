using Kaolack.Contracts.Cooperatives;

namespace Kaolack.Api.Tests.Directory;

/// <summary>
/// Its own Azurite and app, seeded by the administrator with a few organisations whose ranking is known exactly:
/// a Kaolack groundnut cooperative with needs, Oriental cooperatives of the same, a complementary and an unrelated
/// value chain, a Kaolack one of the same chain, a deleted one, three diaspora groups, and a project whose only
/// partner is the Kaolack cooperative.
/// </summary>
public sealed class SuggestionFixture : SeededHostFixture
{
    public const string Ndoffane = "arachide-ndoffane";
    public const string Berkane = "arachide-berkane";
    public const string Zitoun = "zitoun-taourirt";
    public const string Figuig = "dattes-figuig";
    public const string Kahone = "arachide-kahone";
    public const string Deleted = "arachide-supprimee";

    public const string Bruxelles = "solidarite-bruxelles";
    public const string Montreuil = "ressortissants-montreuil";
    public const string Lyon = "collectif-lyon";

    public const string Project = "huile-et-arachide";

    protected override async Task SeedAsync()
    {
        await Create("cooperatives", Ndoffane, Cooperative("Coopérative de Ndoffane", Region.Kaolack, "arachide") with
        {
            CapacityNeeds = ["comptabilité coopérative", "export"],
        });
        await Create("cooperatives", Berkane, Cooperative("Arachides de Berkane", Region.Oriental, "arachide"));
        await Create("cooperatives", Zitoun, Cooperative("Coopérative Zitoun", Region.Oriental, "huile d'olive"));
        await Create("cooperatives", Figuig, Cooperative("Dattes de Figuig", Region.Oriental, "dattes"));
        await Create("cooperatives", Kahone, Cooperative("GIE de Kahone", Region.Kaolack, "arachide"));
        await Create("cooperatives", Deleted, Cooperative("Arachides disparues", Region.Oriental, "arachide"));
        await Expect(await Admin.Delete($"/api/cooperatives/{Deleted}", 1), HttpStatusCode.NoContent);

        await Create("diaspora-groups", Bruxelles, Samples.DiasporaGroup("Solidarité Bruxelles", Region.Oriental) with
        {
            Skills = ["comptabilité"],
            InterestAreas = ["huile d'olive"],
        });
        await Create("diaspora-groups", Montreuil, Samples.DiasporaGroup("Ressortissants de Montreuil", Region.Kaolack) with
        {
            Skills = ["logistique export"],
            InterestAreas = [],
        });
        await Create("diaspora-groups", Lyon, Samples.DiasporaGroup("Collectif de Lyon", Region.Oriental) with
        {
            Skills = ["ingénierie"],
            InterestAreas = ["énergie solaire"],
        });

        await Create("projects", Project, Samples.Project("Huile et arachide", "arachide"));
        await Send($"/api/projects/{Project}/partners", new PartnerRef(EntityKind.Cooperative, Ndoffane));
    }

    private static CooperativeProfile Cooperative(string name, Region region, string valueChain) =>
        Samples.Cooperative(name, region, valueChain) with { CapacityNeeds = [] };
}
