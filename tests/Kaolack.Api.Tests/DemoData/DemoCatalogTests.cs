using System.Text.Json.Nodes;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Projects;
using Kaolack.Silo.DemoData;

namespace Kaolack.Api.Tests.DemoData;

/// <summary>The demo data files: what ships holds together and passes the grains' rules; broken files are refused with every problem named.</summary>
public sealed class DemoCatalogTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private readonly DirectoryInfo folder = System.IO.Directory.CreateTempSubdirectory("kaolack-demo-");

    [Fact]
    public void The_shipped_files_hold_the_whole_data_set()
    {
        var catalog = DemoCatalog.Shipped;

        Assert.Equal((12, 4, 3, 3), (catalog.Cooperatives.Count, catalog.DiasporaGroups.Count, catalog.Projects.Count, catalog.Plans.Count));
        Assert.Equal(6, catalog.Cooperatives.Count(c => c.Profile.Region == Region.Oriental));
        Assert.Equal(catalog.Projects.Select(p => p.Slug), catalog.Plans.Select(p => p.ProjectSlug));
        Assert.Equal(14, catalog.Plans.Sum(p => p.Tasks.Length));
    }

    [Fact]
    public void Every_shipped_item_passes_the_rules_the_grains_apply()
    {
        var catalog = DemoCatalog.Shipped;

        Assert.All(catalog.Cooperatives, c => CooperativeRules.Validate(CooperativeRules.Normalize(c.Profile), Today));
        Assert.All(catalog.DiasporaGroups, g => DiasporaGroupRules.Validate(DiasporaGroupRules.Normalize(g.Profile)));
        Assert.All(catalog.Projects, p => ProjectRules.Validate(p.Charter));
        Assert.All(catalog.Projects.SelectMany(p => p.Contributions), c => ProjectRules.Validate(c, Today));
    }

    [Fact]
    public void References_to_items_that_are_not_there_are_all_reported()
    {
        CopyShipped();
        Edit("projects.json", projects => projects[0]!["partners"]![0]!["slug"] = "cooperative-inconnue");
        Edit("diaspora-groups.json", groups => groups[0]!["profile"]!["pledges"]![0]!["projectSlug"] = "projet-inconnu");
        Edit("plans.json", plans => plans[1]!["tasks"]![0]!["milestoneId"] = "jalon-inconnu");

        var error = Assert.Throws<DemoDataException>(() => DemoCatalog.Load(folder.FullName));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("projects.json: echanges-huile-olive-arachide names the partner cooperative cooperative-inconnue", error.Problems[0], StringComparison.Ordinal);
        Assert.Contains("diaspora-groups.json: ressortissants-kaolack-france pledges to the project projet-inconnu", error.Problems[1], StringComparison.Ordinal);
        Assert.Contains("plans.json: the task etiquetage of presence-croisee-foires-kaolack-oriental is under the milestone jalon-inconnu", error.Problems[2], StringComparison.Ordinal);
        Assert.All(error.Problems, problem => Assert.Contains(problem, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_and_repeated_slugs_and_plan_ids_are_reported()
    {
        CopyShipped();
        Edit("cooperatives.json", cooperatives =>
        {
            cooperatives[2]!["slug"] = "Pas Un Slug";
            cooperatives[5]!["slug"] = cooperatives[1]!["slug"]!.GetValue<string>();
        });
        Edit("plans.json", plans => plans[0]!["tasks"]![0]!["id"] = "contexte");

        var error = Assert.Throws<DemoDataException>(() => DemoCatalog.Load(folder.FullName));

        Assert.Equal(
            [
                "cooperatives.json: \"Pas Un Slug\" is not a slug (lowercase letters, digits, single hyphens).",
                "cooperatives.json: gie-transformatrices-cereales-kahone appears more than once.",
                "plans.json: the plan of echanges-huile-olive-arachide uses the id contexte more than once.",
            ],
            error.Problems);
    }

    [Theory]
    [InlineData("region", "\"senegal\"", "$[3].profile.region")]
    [InlineData("name", "null", "$[3].profile.name")]
    [InlineData("memberCount", "\"beaucoup\"", "$[3].profile.memberCount")]
    [InlineData("siege", "\"Kaolack\"", "$[3].profile.siege")]
    public void A_value_the_api_would_refuse_names_the_file_and_the_place(string field, string json, string path)
    {
        CopyShipped();
        Edit("cooperatives.json", cooperatives => cooperatives[3]!["profile"]![field] = JsonNode.Parse(json));

        var error = Assert.Throws<DemoDataException>(() => DemoCatalog.Load(folder.FullName));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("cooperatives.json at ", problem, StringComparison.Ordinal);
        Assert.Contains(path, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        CopyShipped();
        File.Delete(Path.Combine(folder.FullName, "plans.json"));

        var error = Assert.Throws<DemoDataException>(() => DemoCatalog.Load(folder.FullName));

        Assert.StartsWith("plans.json is missing", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private void CopyShipped()
    {
        foreach (var file in System.IO.Directory.GetFiles(DemoCatalog.ShippedFolder, "*.json"))
        {
            File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
        }
    }

    private void Edit(string file, Action<JsonArray> change)
    {
        var path = Path.Combine(folder.FullName, file);
        var items = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        change(items);
        File.WriteAllText(path, items.ToJsonString());
    }
}
