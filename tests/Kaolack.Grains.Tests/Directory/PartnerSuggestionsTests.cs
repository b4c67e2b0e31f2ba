using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Directory;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Projects;

namespace Kaolack.Grains.Tests.Directory;

public sealed class PartnerSuggestionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_a_cooperative_a_same_value_chain_beats_a_complementary_one_which_beats_none()
    {
        var request = ForCooperative(Region.Kaolack, ["arachide"]);
        var entries = new[]
        {
            Cooperative("dattes-figuig", "A Dattes de Figuig", Region.Oriental, "dattes"),
            Cooperative("zitoun", "B Zitoun", Region.Oriental, "huile d'olive"),
            Cooperative("arachide-oujda", "C Arachide d'Oujda", Region.Oriental, "arachide"),
        };

        var suggestions = PartnerSuggestions.Rank(request, entries);

        Assert.Equal(["arachide-oujda", "zitoun"], suggestions.Select(s => s.Slug));
        Assert.Equal([PartnerSuggestions.SameValueChainPoints, PartnerSuggestions.ComplementaryValueChainPoints], suggestions.Select(s => s.Score));
    }

    [Fact]
    public void A_cooperative_is_offered_only_cooperatives_of_the_other_region()
    {
        var request = ForCooperative(Region.Oriental, ["huile d'olive"]);
        var entries = new[]
        {
            Cooperative("olive-berkane", "Olives de Berkane", Region.Oriental, "huile d'olive"),
            Cooperative("arachide-ndoffane", "Arachide de Ndoffane", Region.Kaolack, "huile d'arachide"),
        };

        var suggestions = PartnerSuggestions.Rank(request, entries);

        Assert.Equal(["arachide-ndoffane"], suggestions.Select(s => s.Slug));
        Assert.Equal(Region.Kaolack, suggestions[0].Region);
    }

    [Fact]
    public void Reasons_name_the_candidates_value_chain_and_the_subjects_chain_it_complements()
    {
        var request = ForCooperative(Region.Kaolack, ["Céréales locales", "Arachide"]);
        var entry = Cooperative("al-amal", "Al Amal", Region.Oriental, "couscous", "céréales locales", "huile d'olive", "safran");

        var suggestion = Assert.Single(PartnerSuggestions.Rank(request, [entry]));

        Assert.Equal(
        [
            new SuggestionReason { Code = SuggestionReasonCode.ComplementaryValueChain, ValueChain = "couscous", Complements = "Céréales locales" },
            new SuggestionReason { Code = SuggestionReasonCode.SameValueChain, ValueChain = "céréales locales" },
            new SuggestionReason { Code = SuggestionReasonCode.ComplementaryValueChain, ValueChain = "huile d'olive", Complements = "Arachide" },
        ], suggestion.Reasons);
        Assert.Equal(PartnerSuggestions.SameValueChainPoints + 2 * PartnerSuggestions.ComplementaryValueChainPoints, suggestion.Score);
        Assert.Equal((EntityKind.Cooperative, "Al Amal", "Oujda"), (suggestion.Kind, suggestion.Name, suggestion.Place));
    }

    [Fact]
    public void Value_chains_match_by_significant_words_so_arachide_covers_huile_d_arachide()
    {
        var request = ForCooperative(Region.Oriental, ["plantes aromatiques et médicinales"]);
        var entries = new[]
        {
            Cooperative("saloum-arachide", "Huilerie du Saloum", Region.Kaolack, "Huile d'arachide"),
            Cooperative("ndiaffate", "Sel de Ndiaffate", Region.Kaolack, "sel"),
            Cooperative("bissap", "Bissap du Saloum", Region.Kaolack, "BISSAP"),
            Cooperative("herbes", "Herbes du Sine", Region.Kaolack, "Plante aromatique"),
        };

        var suggestions = PartnerSuggestions.Rank(request, entries);

        // "Plante aromatique" is the same chain (singular, fewer words); salt and bissap complement it; oil does not.
        Assert.Equal(["herbes", "bissap", "ndiaffate"], suggestions.Select(s => s.Slug));
        Assert.Equal(SuggestionReasonCode.SameValueChain, suggestions[0].Reasons.Single().Code);
    }

    [Fact]
    public void Every_complementary_pair_has_two_distinct_sides_and_complements_both_ways()
    {
        foreach (var (first, second) in ValueChainComplements.Pairs)
        {
            Assert.NotEmpty(Terms.Words(first));
            Assert.False(Terms.Match(first, second), $"{first} / {second}");
            Assert.True(ValueChainComplements.Complement(Terms.Words(first), Terms.Words(second)));
            Assert.True(ValueChainComplements.Complement(Terms.Words(second), Terms.Words(first)));
        }
    }

    [Fact]
    public void Terms_ignore_accents_case_little_words_and_a_plural_s()
    {
        Assert.Equal(["huile", "olive"], Terms.Words("Huile d'Olive"));
        Assert.Equal(["cereale", "locale"], Terms.Words("Céréales  locales"));
        Assert.Equal(["pain", "singe", "baobab"], Terms.Words("pain de singe (baobab)"));
        Assert.Empty(Terms.Words("et de la"));
        Assert.True(Terms.Match("comptabilité", "Comptabilité coopérative"));
        Assert.False(Terms.Match("gestion de projet", "gestion durable de la cueillette"));
        Assert.False(Terms.Match("", "miel"));
    }

    [Fact]
    public void Diaspora_groups_are_suggested_for_skills_that_meet_needs_and_interests_in_the_value_chains()
    {
        var request = ForCooperative(Region.Kaolack, ["arachide"], ["Comptabilité coopérative", "export", "emballage"]);
        var entries = new[]
        {
            Diaspora("bruxelles", "Oriental Solidarité Bruxelles", Region.Oriental, ["comptabilité", "logistique export"], ["arachide", "huile d'olive"]),
            Diaspora("lyon", "Collectif de Lyon", Region.Oriental, ["ingénierie"], ["énergie solaire"]),
        };

        var suggestion = Assert.Single(PartnerSuggestions.Rank(request, entries));

        Assert.Equal("bruxelles", suggestion.Slug);
        Assert.Equal(
        [
            new SuggestionReason { Code = SuggestionReasonCode.SkillMatchesNeed, Skill = "comptabilité", Need = "Comptabilité coopérative" },
            new SuggestionReason { Code = SuggestionReasonCode.SkillMatchesNeed, Skill = "logistique export", Need = "export" },
            new SuggestionReason { Code = SuggestionReasonCode.InterestMatchesValueChain, Interest = "arachide", ValueChain = "arachide" },
        ], suggestion.Reasons);
        Assert.Equal(3 * PartnerSuggestions.DiasporaMatchPoints, suggestion.Score);
        Assert.Equal((EntityKind.DiasporaGroup, Region.Oriental, "Bruxelles, Belgique"), (suggestion.Kind, suggestion.Region, suggestion.Place));
    }

    [Fact]
    public void Needs_met_beyond_two_are_listed_but_not_counted_so_a_same_chain_cooperative_still_ranks_first()
    {
        var request = ForCooperative(Region.Kaolack, ["mil"], ["comptabilité", "marketing", "export", "logistique"]);
        var entries = new[]
        {
            Diaspora("experts", "A Experts", Region.Oriental, ["comptabilité", "marketing", "export", "logistique"], []),
            Cooperative("couscous", "B Couscous", Region.Oriental, "mil"),
        };

        var suggestions = PartnerSuggestions.Rank(request, entries);

        Assert.Equal(["couscous", "experts"], suggestions.Select(s => s.Slug));
        Assert.Equal(4, suggestions[1].Reasons.Length);
        Assert.Equal(PartnerSuggestions.CountedDiasporaMatches * PartnerSuggestions.DiasporaMatchPoints, suggestions[1].Score);
    }

    [Fact]
    public void Diaspora_groups_from_the_cooperatives_own_region_get_the_small_home_bonus()
    {
        var request = ForCooperative(Region.Kaolack, ["arachide"], ["comptabilité"]);
        var entries = new[]
        {
            Diaspora("a-oriental", "A Oriental", Region.Oriental, ["comptabilité"], []),
            Diaspora("b-kaolack", "B Kaolack", Region.Kaolack, ["comptabilité"], []),
        };

        var suggestions = PartnerSuggestions.Rank(request, entries);

        Assert.Equal(["b-kaolack", "a-oriental"], suggestions.Select(s => s.Slug));
        Assert.Equal(PartnerSuggestions.DiasporaMatchPoints + PartnerSuggestions.DiasporaOfRegionPoints, suggestions[0].Score);
        Assert.Equal(new SuggestionReason { Code = SuggestionReasonCode.DiasporaOfRegion, Region = Region.Kaolack }, suggestions[0].Reasons[^1]);
    }

    [Fact]
    public void A_home_bonus_alone_suggests_nothing()
    {
        var request = ForCooperative(Region.Kaolack, ["arachide"], ["comptabilité"]);

        Assert.Empty(PartnerSuggestions.Rank(request, [Diaspora("kaolack", "Kaolack", Region.Kaolack, ["musique"], ["sport"])]));
    }

    [Fact]
    public void Equal_scores_are_ordered_by_name_ignoring_accents_and_case_then_by_slug()
    {
        var request = ForCooperative(Region.Kaolack, ["miel"]);
        var entries = new[]
        {
            Cooperative("z-slug", "Miel d'Oujda", Region.Oriental, "miel"),
            Cooperative("a-slug", "Miel d'Oujda", Region.Oriental, "miel"),
            Cooperative("ecole", "école du miel", Region.Oriental, "miel"),
            Cooperative("abeilles", "Abeilles", Region.Oriental, "miel"),
        };

        var suggestions = PartnerSuggestions.Rank(request, entries);

        Assert.Equal(["abeilles", "ecole", "a-slug", "z-slug"], suggestions.Select(s => s.Slug));
    }

    [Fact]
    public void The_limit_keeps_the_best_and_must_be_between_1_and_50()
    {
        var entries = Enumerable.Range(1, 60).Select(i => Cooperative($"miel-{i:00}", $"Miel {i:00}", Region.Oriental, "miel")).ToArray();

        Assert.Equal(["miel-01", "miel-02", "miel-03"], PartnerSuggestions.Rank(ForCooperative(Region.Kaolack, ["miel"], limit: 3), entries).Select(s => s.Slug));
        Assert.Equal(50, PartnerSuggestions.Rank(ForCooperative(Region.Kaolack, ["miel"], limit: 50), entries).Length);
        foreach (var limit in new[] { 0, -1, 51 })
        {
            var refused = Assert.Throws<ValidationFailedException>(() => PartnerSuggestions.Rank(ForCooperative(Region.Kaolack, ["miel"], limit: limit), entries));
            var refusedEarly = Assert.Throws<ValidationFailedException>(() => PartnerSuggestions.ForCooperative("sujet", Profile(Region.Kaolack, ["miel"]), limit));
            Assert.Equal(["limit"], refused.Errors.Keys);
            Assert.Equal(["limit"], refusedEarly.Errors.Keys);
        }
    }

    [Fact]
    public void The_subject_itself_its_partners_and_projects_are_never_suggested()
    {
        var profile = Profile(Region.Kaolack, ["miel"]);
        var project = Project(["miel"], Partner(EntityKind.DiasporaGroup, "deja-partenaire", Region.Oriental));
        var entries = new[]
        {
            Cooperative("sujet", "Sujet", Region.Oriental, "miel"),
            Diaspora("deja-partenaire", "Déjà partenaire", Region.Oriental, [], ["miel"]),
            new DirectoryEntry { Kind = EntityKind.Project, Slug = "projet-miel", Name = "Projet", Regions = [Region.Oriental], ValueChains = ["miel"] },
            Cooperative("autre", "Autre", Region.Oriental, "miel"),
        };

        var forProject = PartnerSuggestions.Rank(PartnerSuggestions.ForProject("projet-miel", project, [], 10), entries);
        // Same slug, other kind: the cooperative "sujet" is not the project "sujet".
        var forOtherKind = PartnerSuggestions.Rank(PartnerSuggestions.ForProject("sujet", project, [], 10), entries);
        var forCooperative = PartnerSuggestions.Rank(PartnerSuggestions.ForCooperative("sujet", profile, 10), entries);

        Assert.Equal(["autre", "sujet"], forProject.Select(s => s.Slug));
        Assert.Equal(["autre", "sujet"], forOtherKind.Select(s => s.Slug));
        Assert.Equal(["autre", "deja-partenaire"], forCooperative.Select(s => s.Slug));
    }

    [Fact]
    public void A_project_favours_the_region_it_still_lacks_and_says_so()
    {
        var project = Project(["arachide"], Partner(EntityKind.Cooperative, "ndoffane", Region.Kaolack));
        var entries = new[]
        {
            Cooperative("kaolack-arachide", "A Arachide de Kaolack", Region.Kaolack, "arachide"),
            Cooperative("oriental-olive", "B Olive de l'Oriental", Region.Oriental, "huile d'olive"),
            Cooperative("oriental-arachide", "C Arachide de l'Oriental", Region.Oriental, "arachide"),
        };

        var suggestions = PartnerSuggestions.Rank(PartnerSuggestions.ForProject("projet", project, [], 10), entries);

        Assert.Equal(["oriental-arachide", "oriental-olive", "kaolack-arachide"], suggestions.Select(s => s.Slug));
        Assert.Equal([160, 110, 100], suggestions.Select(s => s.Score));
        Assert.Equal(new SuggestionReason { Code = SuggestionReasonCode.MissingRegion, Region = Region.Oriental }, suggestions[0].Reasons[^1]);
        Assert.DoesNotContain(suggestions[2].Reasons, r => r.Code == SuggestionReasonCode.MissingRegion);
    }

    [Fact]
    public void A_project_with_partners_of_both_regions_gives_no_region_bonus()
    {
        var project = Project(["arachide"], Partner(EntityKind.Cooperative, "k", Region.Kaolack), Partner(EntityKind.DiasporaGroup, "o", Region.Oriental));

        var suggestion = Assert.Single(PartnerSuggestions.Rank(PartnerSuggestions.ForProject("projet", project, [], 10),
            [Cooperative("oriental-arachide", "Arachide", Region.Oriental, "arachide")]));

        Assert.Equal(PartnerSuggestions.SameValueChainPoints, suggestion.Score);
        Assert.Equal([SuggestionReasonCode.SameValueChain], suggestion.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_projects_needs_are_those_of_its_partner_cooperatives()
    {
        var project = Project(["fonio"], Partner(EntityKind.Cooperative, "kahone", Region.Kaolack));
        var partner = Cooperative("kahone", "Kahone", Region.Kaolack, "fonio") with { CapacityNeeds = ["accès au crédit", "Démarche HACCP"] };

        var request = PartnerSuggestions.ForProject("projet", project, [partner], 10);
        var suggestion = Assert.Single(PartnerSuggestions.Rank(request,
            [partner, Diaspora("catalogne", "Catalogne", Region.Oriental, ["démarche haccp", "droit"], ["fonio"])]));

        Assert.Equal(["accès au crédit", "Démarche HACCP"], request.Needs);
        Assert.Equal([Region.Kaolack], request.Regions);
        Assert.Equal(
        [
            new SuggestionReason { Code = SuggestionReasonCode.SkillMatchesNeed, Skill = "démarche haccp", Need = "Démarche HACCP" },
            new SuggestionReason { Code = SuggestionReasonCode.InterestMatchesValueChain, Interest = "fonio", ValueChain = "fonio" },
            new SuggestionReason { Code = SuggestionReasonCode.MissingRegion, Region = Region.Oriental },
        ], suggestion.Reasons);
        Assert.Equal(2 * PartnerSuggestions.DiasporaMatchPoints + PartnerSuggestions.MissingRegionPoints, suggestion.Score);
    }

    [Fact]
    public void Merging_each_directorys_best_gives_the_best_of_all()
    {
        var request = ForCooperative(Region.Kaolack, ["mil", "arachide"], ["comptabilité", "export"], limit: 4);
        DirectoryEntry[] cooperatives =
        [
            Cooperative("c1", "Couscous", Region.Oriental, "couscous"),
            Cooperative("c2", "Mil", Region.Oriental, "mil"),
            Cooperative("c3", "Olive", Region.Oriental, "huile d'olive", "mil"),
            Cooperative("c4", "Amandes", Region.Oriental, "amandes"),
        ];
        DirectoryEntry[] groups =
        [
            Diaspora("d1", "Deux", Region.Oriental, ["comptabilité", "export"], ["mil"]),
            Diaspora("d2", "Un", Region.Kaolack, ["export"], []),
        ];

        var merged = PartnerSuggestions.Merge([.. PartnerSuggestions.Rank(request, cooperatives), .. PartnerSuggestions.Rank(request, groups)], request.Limit);

        Assert.Equal(PartnerSuggestions.Rank(request, [.. cooperatives, .. groups]).Select(Describe), merged.Select(Describe));
        Assert.Equal(["c3", "c2", "d1", "c4"], merged.Select(s => s.Slug));
    }

    [Fact]
    public void The_directory_replaces_an_entry_only_for_a_newer_version_or_a_newer_format_of_the_same_version()
    {
        var held = Cooperative("x", "X", Region.Kaolack, "mil") with { Version = 3, Format = 0 };

        Assert.True(DirectorySearch.Supersedes(held with { Version = 4 }, held));
        Assert.True(DirectorySearch.Supersedes(held with { Format = DirectoryEntry.CurrentFormat }, held));
        Assert.False(DirectorySearch.Supersedes(held, held));
        Assert.False(DirectorySearch.Supersedes(held with { Version = 2, Format = DirectoryEntry.CurrentFormat }, held));
    }

    [Fact]
    public void Summaries_carry_needs_skills_and_interests_in_the_current_format()
    {
        var meta = new EntityMeta("s", 1, Now, Now);

        var cooperative = CooperativeRules.ToDirectoryEntry(Profile(Region.Kaolack, ["mil"]) with { CapacityNeeds = ["export"] }, meta);
        var group = DiasporaGroupRules.ToDirectoryEntry(new Contracts.Diaspora.DiasporaGroupProfile { Skills = ["droit"], InterestAreas = ["mil"] }, meta);

        Assert.Equal(["export"], cooperative.CapacityNeeds);
        Assert.Equal(["droit"], group.Skills);
        Assert.Equal(["mil"], group.InterestAreas);
        Assert.Equal(DirectoryEntry.CurrentFormat, cooperative.Format);
        Assert.Equal(DirectoryEntry.CurrentFormat, group.Format);
        Assert.Equal(DirectoryEntry.CurrentFormat, ProjectRules.ToDirectoryEntry(Project(["mil"]), meta).Format);
    }

    private static string Describe(PartnerSuggestion s) => $"{s.Kind} {s.Slug} {s.Score} {string.Join(", ", s.Reasons.Select(r => r.ToString()))}";

    /// <summary>Any limit, even one the builder would refuse, so <see cref="PartnerSuggestions.Rank"/>'s own check is tried.</summary>
    private static SuggestionRequest ForCooperative(Region region, string[] valueChains, string[]? needs = null, int limit = PartnerSuggestions.DefaultLimit) =>
        PartnerSuggestions.ForCooperative("sujet", Profile(region, valueChains) with { CapacityNeeds = needs ?? [] }, PartnerSuggestions.DefaultLimit) with { Limit = limit };

    private static CooperativeProfile Profile(Region region, string[] valueChains) => new()
    {
        Name = "Sujet",
        Region = region,
        ValueChains = valueChains,
    };

    private static ProjectData Project(string[] valueChains, params ProjectPartner[] partners) =>
        ProjectRules.Create(new ProjectCharter { Title = "Projet", ValueChains = valueChains }, "owner@example.org", 1, Now) with { Partners = partners };

    private static ProjectPartner Partner(EntityKind kind, string slug, Region region) => new(kind, slug, slug, region, Now);

    private static DirectoryEntry Cooperative(string slug, string name, Region region, params string[] valueChains) => new()
    {
        Kind = EntityKind.Cooperative,
        Slug = slug,
        Name = name,
        Regions = [region],
        Place = region == Region.Kaolack ? "Kaolack" : "Oujda",
        ValueChains = valueChains,
    };

    private static DirectoryEntry Diaspora(string slug, string name, Region origin, string[] skills, string[] interests) => new()
    {
        Kind = EntityKind.DiasporaGroup,
        Slug = slug,
        Name = name,
        Regions = [origin],
        Place = origin == Region.Kaolack ? "Paris, France" : "Bruxelles, Belgique",
        Skills = skills,
        InterestAreas = interests,
    };
}
