using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Common;
using Kaolack.Grains.Projects;

namespace Kaolack.Grains.Directory;

/// <summary>
/// Ranks cooperatives and diaspora groups as partners for a cooperative or a joint project, from directory
/// summaries. Pure: each directory grain ranks its own entries, the subject's grain merges the lists (the order is a
/// total order, so merging the top of each gives the top of all). The rules and their reasons: docs/DECISIONS.md.
/// </summary>
public static class PartnerSuggestions
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    /// <summary>Per value chain of the candidate that one of the subject's also is.</summary>
    public const int SameValueChainPoints = 100;

    /// <summary>Per value chain of the candidate that complements one of the subject's (<see cref="ValueChainComplements"/>).</summary>
    public const int ComplementaryValueChainPoints = 50;

    /// <summary>Per need a diaspora group's skills meet, and per interest area that is a subject's value chain.</summary>
    public const int DiasporaMatchPoints = 20;

    /// <summary>
    /// Needs met (and, separately, interests matched) beyond this many are listed but not counted, so a diaspora group
    /// never outranks a cooperative of the same value chain by a long list of skills alone.
    /// </summary>
    public const int CountedDiasporaMatches = 2;

    /// <summary>For a project, a candidate from a region it has no partner in yet: it cannot become active without one.</summary>
    public const int MissingRegionPoints = 60;

    /// <summary>For a cooperative, a diaspora group from its own region: they invest in their home communes.</summary>
    public const int DiasporaOfRegionPoints = 5;

    /// <summary>Best first: score descending, then name (accents and case ignored), then slug.</summary>
    public static IComparer<PartnerSuggestion> Order { get; } = Comparer<PartnerSuggestion>.Create((x, y) =>
    {
        var byScore = y.Score.CompareTo(x.Score);
        if (byScore != 0)
        {
            return byScore;
        }
        var byName = string.CompareOrdinal(Text.Fold(x.Name), Text.Fold(y.Name));
        return byName != 0 ? byName : string.CompareOrdinal(x.Slug, y.Slug);
    });

    public static void ValidateLimit(int limit)
    {
        var v = new Validation();
        v.Range("limit", limit, 1, MaxLimit);
        v.ThrowIfInvalid();
    }

    public static SuggestionRequest ForCooperative(string slug, CooperativeProfile profile, int limit)
    {
        ValidateLimit(limit);
        return new SuggestionRequest
        {
            SubjectKind = EntityKind.Cooperative,
            SubjectSlug = slug,
            Regions = [profile.Region],
            ValueChains = profile.ValueChains,
            Needs = profile.CapacityNeeds,
            Limit = limit,
        };
    }

    /// <param name="partnerCooperatives">The directory entries of the project's partner cooperatives: their needs are the project's.</param>
    public static SuggestionRequest ForProject(string slug, ProjectData project, IEnumerable<DirectoryEntry> partnerCooperatives, int limit)
    {
        ValidateLimit(limit);
        return new SuggestionRequest
        {
            SubjectKind = EntityKind.Project,
            SubjectSlug = slug,
            Regions = [.. project.Partners.Select(p => p.Region).Distinct().Order()],
            ValueChains = project.Charter.ValueChains,
            Needs = Text.CleanList(partnerCooperatives.SelectMany(e => e.CapacityNeeds)),
            Excluded = [.. project.Partners.Select(p => new PartnerRef(p.Kind, p.Slug))],
            Limit = limit,
        };
    }

    /// <summary>The best candidates among <paramref name="entries"/> (cooperatives and diaspora groups; others ignored).</summary>
    public static PartnerSuggestion[] Rank(SuggestionRequest request, IEnumerable<DirectoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateLimit(request.Limit);
        var subject = new Subject(request);
        return Merge(entries.Select(subject.Suggest).OfType<PartnerSuggestion>(), request.Limit);
    }

    /// <summary>The first <paramref name="limit"/> of <paramref name="suggestions"/> in <see cref="Order"/>.</summary>
    public static PartnerSuggestion[] Merge(IEnumerable<PartnerSuggestion> suggestions, int limit) =>
        [.. suggestions.Order(Order).Take(limit)];

    /// <summary>The request with its phrases split into words once, rather than once per candidate.</summary>
    private sealed class Subject(SuggestionRequest request)
    {
        private readonly (string Phrase, string[] Words)[] valueChains = WithWords(request.ValueChains);
        private readonly (string Phrase, string[] Words)[] needs = WithWords(request.Needs);
        private readonly Region[] missingRegions = request.SubjectKind == EntityKind.Project
            ? [.. Enum.GetValues<Region>().Except(request.Regions)]
            : [];

        /// <summary>Null when the entry is not a candidate or nothing about it matches.</summary>
        public PartnerSuggestion? Suggest(DirectoryEntry entry)
        {
            if (!IsCandidate(entry))
            {
                return null;
            }
            var reasons = new List<SuggestionReason>();
            var score = entry.Kind == EntityKind.Cooperative ? ValueChainMatches(entry, reasons) : DiasporaMatches(entry, reasons);
            if (reasons.Count == 0)
            {
                return null;
            }
            var region = entry.Regions[0];
            if (missingRegions.Contains(region))
            {
                score += MissingRegionPoints;
                reasons.Add(new SuggestionReason { Code = SuggestionReasonCode.MissingRegion, Region = region });
            }
            if (request.SubjectKind == EntityKind.Cooperative && entry.Kind == EntityKind.DiasporaGroup && request.Regions.Contains(region))
            {
                score += DiasporaOfRegionPoints;
                reasons.Add(new SuggestionReason { Code = SuggestionReasonCode.DiasporaOfRegion, Region = region });
            }
            return new PartnerSuggestion(entry.Kind, entry.Slug, entry.Name, region, entry.Place, score, [.. reasons]);
        }

        private bool IsCandidate(DirectoryEntry entry)
        {
            if (entry.Kind is not (EntityKind.Cooperative or EntityKind.DiasporaGroup) || entry.Regions.Length == 0)
            {
                return false;
            }
            if (entry.Kind == request.SubjectKind && entry.Slug == request.SubjectSlug)
            {
                return false;
            }
            if (request.Excluded.Any(p => p.Kind == entry.Kind && p.Slug == entry.Slug))
            {
                return false;
            }
            // The exchange programme pairs cooperatives across the border: a cooperative's peers are in the other region.
            return !(request.SubjectKind == EntityKind.Cooperative && entry.Kind == EntityKind.Cooperative && request.Regions.Contains(entry.Regions[0]));
        }

        /// <summary>Each of the candidate's value chains counts once: the same as one of the subject's, or else complementary to one.</summary>
        private int ValueChainMatches(DirectoryEntry entry, List<SuggestionReason> reasons)
        {
            var score = 0;
            foreach (var chain in entry.ValueChains)
            {
                var words = Terms.Words(chain);
                if (valueChains.Any(own => Terms.Match(own.Words, words)))
                {
                    score += SameValueChainPoints;
                    reasons.Add(new SuggestionReason { Code = SuggestionReasonCode.SameValueChain, ValueChain = chain });
                }
                else if (valueChains.FirstOrDefault(own => ValueChainComplements.Complement(own.Words, words)) is { Phrase: not null } complemented)
                {
                    score += ComplementaryValueChainPoints;
                    reasons.Add(new SuggestionReason
                    {
                        Code = SuggestionReasonCode.ComplementaryValueChain,
                        ValueChain = chain,
                        Complements = complemented.Phrase,
                    });
                }
            }
            return score;
        }

        /// <summary>Each need met by the first skill that meets it, each interest area that is a value chain of the subject.</summary>
        private int DiasporaMatches(DirectoryEntry entry, List<SuggestionReason> reasons)
        {
            var skills = WithWords(entry.Skills);
            var needsMet = 0;
            foreach (var need in needs)
            {
                if (skills.FirstOrDefault(skill => Terms.Match(skill.Words, need.Words)) is { Phrase: not null } skill)
                {
                    needsMet++;
                    reasons.Add(new SuggestionReason { Code = SuggestionReasonCode.SkillMatchesNeed, Skill = skill.Phrase, Need = need.Phrase });
                }
            }
            var interestsMatched = 0;
            foreach (var interest in entry.InterestAreas)
            {
                var words = Terms.Words(interest);
                if (valueChains.FirstOrDefault(own => Terms.Match(own.Words, words)) is { Phrase: not null } chain)
                {
                    interestsMatched++;
                    reasons.Add(new SuggestionReason { Code = SuggestionReasonCode.InterestMatchesValueChain, Interest = interest, ValueChain = chain.Phrase });
                }
            }
            return DiasporaMatchPoints * (Math.Min(needsMet, CountedDiasporaMatches) + Math.Min(interestsMatched, CountedDiasporaMatches));
        }

        private static (string Phrase, string[] Words)[] WithWords(string[] phrases) =>
            [.. phrases.Select(phrase => (phrase, Terms.Words(phrase)))];
    }
}
