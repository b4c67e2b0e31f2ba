using Kaolack.Contracts.Directory;
using Kaolack.Grains.Directory;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Projects;
using Kaolack.Silo.DemoData;

namespace Kaolack.Api.Tests.Directory;

/// <summary>The demo data set, ranked as the directories would rank it: every demo account finds a partner across the border.</summary>
public sealed class DemoSuggestionTests
{
    private static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DirectoryEntry[] Directory =
    [
        .. DemoCatalog.Shipped.Cooperatives.Select(c => CooperativeRules.ToDirectoryEntry(CooperativeRules.Normalize(c.Profile), Meta(c.Slug))),
        .. DemoCatalog.Shipped.DiasporaGroups.Select(g => DiasporaGroupRules.ToDirectoryEntry(DiasporaGroupRules.Normalize(g.Profile), Meta(g.Slug))),
    ];

    [Fact]
    public void Awa_Ndiaye_s_groundnut_cooperative_is_offered_Oriental_cooperatives_of_complementary_chains_first()
    {
        var jappo = DemoCatalog.Shipped.Cooperatives.Single(c => c.Slug == "cooperative-jappo-liggeey-ndoffane");

        var suggestions = PartnerSuggestions.Rank(PartnerSuggestions.ForCooperative(jappo.Slug, jappo.Profile, 10), Directory);

        Assert.Equal(
            ["amandes-terroirs-oriental-oujda", "cooperative-zitoun-taourirt", "ressortissants-kaolack-france", "oriental-solidarite-bruxelles"],
            suggestions.Select(s => s.Slug));
        Assert.All(suggestions.Take(2), s => Assert.Equal((EntityKind.Cooperative, Region.Oriental), (s.Kind, s.Region)));
        Assert.Equal("huile d'olive", suggestions[1].Reasons.Single().ValueChain);
    }

    [Fact]
    public void Every_demo_cooperative_is_offered_at_least_one_cooperative_of_the_other_region()
    {
        foreach (var cooperative in DemoCatalog.Shipped.Cooperatives)
        {
            var suggestions = PartnerSuggestions.Rank(PartnerSuggestions.ForCooperative(cooperative.Slug, cooperative.Profile, 10), Directory);

            Assert.Contains(suggestions, s => s.Kind == EntityKind.Cooperative && s.Region != cooperative.Profile.Region);
        }
    }

    [Fact]
    public void Every_demo_project_is_offered_partners_it_does_not_have_yet()
    {
        foreach (var demo in DemoCatalog.Shipped.Projects)
        {
            var partners = demo.Partners.Select(p => Directory.Single(e => e.Kind == p.Kind && e.Slug == p.Slug)).ToArray();
            var project = ProjectRules.Create(demo.Charter, DemoAccounts.KaolackMember, 1, Seeded) with
            {
                Partners = [.. partners.Select(p => new ProjectPartner(p.Kind, p.Slug, p.Name, p.Regions[0], Seeded))],
            };

            var suggestions = PartnerSuggestions.Rank(
                PartnerSuggestions.ForProject(demo.Slug, project, partners.Where(p => p.Kind == EntityKind.Cooperative), 10), Directory);

            Assert.NotEmpty(suggestions);
            Assert.DoesNotContain(suggestions, s => demo.Partners.Contains(new PartnerRef(s.Kind, s.Slug)));
        }
    }

    private static EntityMeta Meta(string slug) => new(slug, 1, Seeded, Seeded);
}
