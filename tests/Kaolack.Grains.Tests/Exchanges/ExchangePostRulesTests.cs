using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Exchanges;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Exchanges;

namespace Kaolack.Grains.Tests.Exchanges;

public sealed class ExchangePostRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Validate_lists_every_broken_rule()
    {
        var error = Assert.Throws<ValidationFailedException>(() => ExchangePostRules.Validate(ExchangePostRules.Normalize(Input() with
        {
            Kind = (ExchangePostKind)9,
            Title = "  ",
            Organisation = new PartnerRef(EntityKind.Project, "puits"),
        })));

        Assert.Equal(["kind", "organisation", "title"], error.Errors.Keys.Order());
    }

    [Fact]
    public void A_reply_joins_the_thread_while_the_post_is_open_only()
    {
        var post = ExchangePostRules.Create(Input(), Zitoun);

        var replied = ExchangePostRules.Reply(post, Jokko, "  Nous avons 2 t disponibles.  ", Now);
        var closed = ExchangePostRules.SetStatus(replied, new ExchangeStatusInput(ExchangePostStatus.Closed, null));

        Assert.Equal([new ExchangeReply(Jokko, "Nous avons 2 t disponibles.", Now)], replied.Replies);
        Assert.Equal("exchange-not-open", Assert.Throws<RuleViolationException>(() => ExchangePostRules.Reply(closed, Jokko, "Encore ?", Now)).Rule);
        Assert.Equal(["text"], Assert.Throws<ValidationFailedException>(() => ExchangePostRules.Reply(post, Jokko, " ", Now)).Errors.Keys);
    }

    [Fact]
    public void A_post_is_matched_only_with_an_organisation_that_replied_and_then_becomes_a_project_charter()
    {
        var post = ExchangePostRules.Reply(ExchangePostRules.Create(Input(), Zitoun), Jokko, "Intéressés", Now);

        var stranger = Assert.Throws<ValidationFailedException>(() =>
            ExchangePostRules.SetStatus(post, new ExchangeStatusInput(ExchangePostStatus.Matched, new PartnerRef(EntityKind.Cooperative, "inconnue"))));
        var matched = ExchangePostRules.SetStatus(post, new ExchangeStatusInput(ExchangePostStatus.Matched, new PartnerRef(EntityKind.Cooperative, "jokko")));
        var charter = ExchangePostRules.Charter(matched);

        Assert.Equal(["matchedWith"], stranger.Errors.Keys);
        Assert.Equal((ExchangePostStatus.Matched, Jokko), (matched.Status, matched.MatchedWith));
        Assert.Equal("exchange-not-matched", Assert.Throws<RuleViolationException>(() => ExchangePostRules.Charter(post)).Rule);
        Assert.Equal("Besoin d'huile d'olive", charter.Title);
        Assert.Equal(["huile d'olive"], charter.ValueChains);
        Assert.StartsWith("Échange entre Coopérative Zitoun et Coopérative Jokko.", charter.Summary, StringComparison.Ordinal);
        Assert.Equal("exchange-has-project", Assert.Throws<RuleViolationException>(() => ExchangePostRules.Charter(matched with { ProjectSlug = "p" })).Rule);
    }

    [Fact]
    public void Matches_rank_offers_for_a_need_by_category_value_chain_and_region_wanted_with_their_reasons()
    {
        var need = Entry("besoin", Input() with { RegionWanted = Region.Oriental }, Zitoun);
        var candidates = new[]
        {
            // Same category, same value chain, in the region wanted: every reason.
            Entry("offre-huile-oujda", Input() with { Kind = ExchangePostKind.Offer }, Nahla),
            // Same value chain, another category.
            Entry("formation-huile", Input() with { Kind = ExchangePostKind.Offer, Category = ExchangeCategory.Training }, Nahla),
            // Same category, complementary value chain (arachide ↔ huile d'olive), from Kaolack.
            Entry("offre-arachide", Input() with { Kind = ExchangePostKind.Offer, ValueChain = "arachide" }, Jokko),
            // Only the region: no match.
            Entry("offre-miel", Input() with { Kind = ExchangePostKind.Offer, Category = ExchangeCategory.Visit, ValueChain = "miel" }, Nahla),
            // Another need, a closed offer and the subject's own organisation's offer: never matches.
            Entry("autre-besoin", Input(), Nahla),
            Entry("offre-close", Input() with { Kind = ExchangePostKind.Offer }, Nahla, ExchangePostStatus.Closed),
            Entry("offre-zitoun", Input() with { Kind = ExchangePostKind.Offer }, Zitoun),
        };

        var matches = ExchangePostRules.Rank(need, candidates, 10);

        Assert.Equal(
            [("offre-huile-oujda", 180), ("offre-arachide", 130), ("formation-huile", 80)],
            matches.Select(m => (m.Slug, m.Score)));
        Assert.Equal(
            [SuggestionReasonCode.OfferMeetsNeed, SuggestionReasonCode.SameValueChain, SuggestionReasonCode.RegionWanted],
            matches[0].Reasons.Select(r => r.Code));
        Assert.Equal(
            new SuggestionReason { Code = SuggestionReasonCode.ComplementaryValueChain, ValueChain = "arachide", Complements = "huile d'olive" },
            matches[1].Reasons[1]);
        Assert.Equal(Nahla, matches[0].Organisation);
        Assert.True(ExchangePostRules.Answers(need, candidates[0]));
        Assert.False(ExchangePostRules.Answers(need, candidates[3]));
        Assert.Equal(["offre-huile-oujda"], ExchangePostRules.Rank(need, candidates, 1).Select(m => m.Slug));
    }

    private static readonly PartnerInfo Zitoun = new(EntityKind.Cooperative, "zitoun", "Coopérative Zitoun", Region.Kaolack);
    private static readonly PartnerInfo Jokko = new(EntityKind.Cooperative, "jokko", "Coopérative Jokko", Region.Kaolack);
    private static readonly PartnerInfo Nahla = new(EntityKind.Cooperative, "nahla", "Coopérative Nahla", Region.Oriental);

    private static ExchangePostInput Input() => new()
    {
        Kind = ExchangePostKind.Need,
        Category = ExchangeCategory.Product,
        Organisation = new PartnerRef(EntityKind.Cooperative, "zitoun"),
        Title = "Besoin d'huile d'olive",
        Description = "Pour la Foire 2026.",
        ValueChain = "huile d'olive",
        Quantity = "2 t",
        Period = "avant octobre",
    };

    private static DirectoryEntry Entry(string slug, ExchangePostInput input, PartnerInfo organisation, ExchangePostStatus status = ExchangePostStatus.Open) =>
        ExchangePostRules.ToDirectoryEntry(
            ExchangePostRules.Create(input, organisation) with { Status = status },
            new EntityMeta(slug, 1, Now, Now));
}
