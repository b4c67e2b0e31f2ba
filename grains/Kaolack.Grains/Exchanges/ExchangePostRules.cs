using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Exchanges;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Common;
using Kaolack.Grains.Directory;

namespace Kaolack.Grains.Exchanges;

/// <summary>Offers and needs: validation, the reply thread, the status, the joint project they become, and matching.</summary>
public static class ExchangePostRules
{
    public const int MaxReplies = 200;
    public const int DefaultMatchLimit = 10;
    public const int MaxMatchLimit = 50;

    /// <summary>An offer for a need (or the reverse) of the same category.</summary>
    public const int OfferMeetsNeedPoints = 100;

    /// <summary>About the same value chain.</summary>
    public const int SameValueChainPoints = 60;

    /// <summary>About complementary value chains (<see cref="ValueChainComplements"/>).</summary>
    public const int ComplementaryValueChainPoints = 30;

    /// <summary>From the region the subject wants its counterpart in.</summary>
    public const int RegionWantedPoints = 20;

    public static ExchangePostInput Normalize(ExchangePostInput input) => input with
    {
        Organisation = input.Organisation ?? new PartnerRef(default, ""),
        Title = Text.Clean(input.Title),
        Description = Text.Clean(input.Description),
        ValueChain = Text.Clean(input.ValueChain),
        Quantity = Text.Clean(input.Quantity),
        Period = Text.Clean(input.Period),
    };

    /// <summary>Throws <see cref="ValidationFailedException"/> listing every broken rule.</summary>
    public static void Validate(ExchangePostInput input)
    {
        var v = new Validation();
        v.Defined("kind", input.Kind);
        v.Defined("category", input.Category);
        if (input.Organisation.Kind is not (EntityKind.Cooperative or EntityKind.DiasporaGroup or EntityKind.Organisation)
            || !Slug.IsValid(input.Organisation.Slug))
        {
            v.Add("organisation", "Une coopérative, un groupe de la diaspora ou une organisation dont vous êtes membre.");
        }
        v.Required("title", input.Title, 120);
        v.MaxLength("description", input.Description, 2000);
        v.MaxLength("valueChain", input.ValueChain, 60);
        v.MaxLength("quantity", input.Quantity, 60);
        v.MaxLength("period", input.Period, 60);
        if (input.RegionWanted is { } region)
        {
            v.Defined("regionWanted", region);
        }
        v.ThrowIfInvalid();
    }

    public static ExchangePostData Create(ExchangePostInput input, PartnerInfo organisation) =>
        new(input, organisation, ExchangePostStatus.Open, [], null, null);

    public static ExchangePostData Reply(ExchangePostData post, PartnerInfo organisation, string text, DateTimeOffset at)
    {
        var clean = Text.Clean(text);
        var v = new Validation();
        v.Required("text", clean, 1000);
        v.ThrowIfInvalid();
        if (post.Status != ExchangePostStatus.Open)
        {
            throw new RuleViolationException("exchange-not-open", "Cette annonce n'attend plus de réponse.");
        }
        if (post.Replies.Length >= MaxReplies)
        {
            throw new RuleViolationException("reply-limit", $"{MaxReplies} réponses au plus.");
        }
        return post with { Replies = [.. post.Replies, new ExchangeReply(organisation, clean, at)] };
    }

    /// <summary>Matched with an organisation that replied, or closed; once either, it stays so.</summary>
    public static ExchangePostData SetStatus(ExchangePostData post, ExchangeStatusInput input)
    {
        if (post.Status != ExchangePostStatus.Open)
        {
            throw new RuleViolationException("exchange-not-open", "Cette annonce est déjà conclue ou close.");
        }
        switch (input.Status)
        {
            case ExchangePostStatus.Closed:
                return post with { Status = ExchangePostStatus.Closed };
            case ExchangePostStatus.Matched:
                var counterpart = input.MatchedWith is { } wanted
                    ? post.Replies.Select(r => r.Organisation).FirstOrDefault(o => o.Kind == wanted.Kind && o.Slug == wanted.Slug)
                    : null;
                return counterpart is null
                    ? throw new ValidationFailedException("matchedWith", "Choisissez une organisation qui a répondu à l'annonce.")
                    : post with { Status = ExchangePostStatus.Matched, MatchedWith = counterpart };
            default:
                throw new ValidationFailedException("status", "Attendu : matched ou closed.");
        }
    }

    /// <summary>The charter of the joint project a matched exchange becomes.</summary>
    public static ProjectCharter Charter(ExchangePostData post)
    {
        if (post.Status != ExchangePostStatus.Matched || post.MatchedWith is null)
        {
            throw new RuleViolationException("exchange-not-matched", "Seule une annonce conclue devient un projet commun.");
        }
        if (post.ProjectSlug is not null)
        {
            throw new RuleViolationException("exchange-has-project", "Cette annonce est déjà devenue un projet commun.");
        }
        var summary = $"Échange entre {post.Organisation.Name} et {post.MatchedWith.Name}. {post.Post.Description}".Trim();
        return new ProjectCharter
        {
            Title = post.Post.Title,
            Summary = summary.Length > 1000 ? summary[..1000] : summary,
            ValueChains = post.Post.ValueChain.Length == 0 ? [] : [post.Post.ValueChain],
        };
    }

    public static ExchangePost View(ExchangePostData data, EntityMeta meta) =>
        new(meta, data.Post, data.Organisation, data.Status, data.Replies, data.MatchedWith, data.ProjectSlug);

    public static DirectoryEntry ToDirectoryEntry(ExchangePostData data, EntityMeta meta) => new()
    {
        Kind = EntityKind.Exchange,
        Slug = meta.Slug,
        Name = data.Post.Title,
        Regions = [data.Organisation.Region],
        Place = data.Organisation.Name,
        ValueChains = data.Post.ValueChain.Length == 0 ? [] : [data.Post.ValueChain],
        Summary = data.Post.Description,
        Keywords = [data.Post.Quantity, data.Post.Period],
        Exchange = new ExchangeFacts(data.Post.Kind, data.Post.Category, data.Status, data.Post.RegionWanted,
            data.Organisation.Kind, data.Organisation.Slug),
        Version = meta.Version,
        UpdatedAt = meta.UpdatedAt,
        Format = DirectoryEntry.CurrentFormat,
    };

    public static void ValidateLimit(int limit)
    {
        var v = new Validation();
        v.Range("limit", limit, 1, MaxMatchLimit);
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// Open posts of the other kind, from another organisation, that share the category or a value chain (same or
    /// complementary) with <paramref name="subject"/>; best first (score, then most recent, then slug), at most
    /// <paramref name="limit"/>.
    /// </summary>
    public static ExchangeMatch[] Rank(DirectoryEntry subject, IEnumerable<DirectoryEntry> candidates, int limit)
    {
        var facts = subject.Exchange ?? throw new ArgumentException("Not an exchange post.", nameof(subject));
        var chains = subject.ValueChains.Select(c => (Chain: c, Words: Terms.Words(c))).ToArray();
        return candidates
            .Where(c => c.Exchange is { Status: ExchangePostStatus.Open } other && other.Kind != facts.Kind
                && (other.OrganisationKind, other.OrganisationSlug) != (facts.OrganisationKind, facts.OrganisationSlug))
            .Select(c => (Entry: c, Reasons: Reasons(facts, chains, c)))
            .Where(m => m.Reasons.Any(r => r.Code != SuggestionReasonCode.RegionWanted))
            .Select(m => (m.Entry, m.Reasons, Score: m.Reasons.Sum(Points)))
            .OrderByDescending(m => m.Score)
            .ThenByDescending(m => m.Entry.UpdatedAt)
            .ThenBy(m => m.Entry.Slug, StringComparer.Ordinal)
            .Take(limit)
            .Select(m => new ExchangeMatch(m.Entry.Slug, m.Entry.Name, m.Entry.Exchange!.Kind, m.Entry.Exchange.Category,
                new PartnerInfo(m.Entry.Exchange.OrganisationKind, m.Entry.Exchange.OrganisationSlug, m.Entry.Place, m.Entry.Regions[0]),
                m.Score, m.Reasons))
            .ToArray();
    }

    /// <summary>Whether <paramref name="candidate"/> answers <paramref name="subject"/> at all (what the home page shows as a match).</summary>
    public static bool Answers(DirectoryEntry subject, DirectoryEntry candidate) => Rank(subject, [candidate], 1).Length == 1;

    private static SuggestionReason[] Reasons(ExchangeFacts facts, (string Chain, string[] Words)[] chains, DirectoryEntry candidate)
    {
        var other = candidate.Exchange!;
        var reasons = new List<SuggestionReason>();
        if (other.Category == facts.Category)
        {
            reasons.Add(new SuggestionReason { Code = SuggestionReasonCode.OfferMeetsNeed, Category = facts.Category });
        }
        foreach (var chain in candidate.ValueChains)
        {
            var words = Terms.Words(chain);
            if (chains.Any(c => Terms.Match(c.Words, words)))
            {
                reasons.Add(new SuggestionReason { Code = SuggestionReasonCode.SameValueChain, ValueChain = chain });
            }
            else if (chains.FirstOrDefault(c => ValueChainComplements.Complement(c.Words, words)) is { Chain: not null } complement)
            {
                reasons.Add(new SuggestionReason
                {
                    Code = SuggestionReasonCode.ComplementaryValueChain, ValueChain = chain, Complements = complement.Chain,
                });
            }
        }
        if (facts.RegionWanted is { } wanted && candidate.Regions.Contains(wanted))
        {
            reasons.Add(new SuggestionReason { Code = SuggestionReasonCode.RegionWanted, Region = wanted });
        }
        return [.. reasons];
    }

    private static int Points(SuggestionReason reason) => reason.Code switch
    {
        SuggestionReasonCode.OfferMeetsNeed => OfferMeetsNeedPoints,
        SuggestionReasonCode.SameValueChain => SameValueChainPoints,
        SuggestionReasonCode.ComplementaryValueChain => ComplementaryValueChainPoints,
        SuggestionReasonCode.RegionWanted => RegionWantedPoints,
        _ => 0,
    };
}
