using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Suggestions;

/// <summary>Why a partner is suggested; clients turn the code and its parameters into a sentence in their language.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuggestionReasonCode>))]
public enum SuggestionReasonCode
{
    /// <summary>The candidate works in a value chain the subject works in (<c>valueChain</c>).</summary>
    [JsonStringEnumMemberName("same-value-chain")] SameValueChain,

    /// <summary>The candidate's <c>valueChain</c> shares know-how with the subject's <c>complements</c>.</summary>
    [JsonStringEnumMemberName("complementary-value-chain")] ComplementaryValueChain,

    /// <summary>A diaspora group's <c>skill</c> answers a capacity-building <c>need</c>.</summary>
    [JsonStringEnumMemberName("skill-matches-need")] SkillMatchesNeed,

    /// <summary>A diaspora group's <c>interest</c> area is one of the subject's value chains (<c>valueChain</c>).</summary>
    [JsonStringEnumMemberName("interest-matches-value-chain")] InterestMatchesValueChain,

    /// <summary>The project has no partner from <c>region</c> yet, and the candidate is from there.</summary>
    [JsonStringEnumMemberName("missing-region")] MissingRegion,

    /// <summary>The diaspora group originates from the cooperative's own <c>region</c>.</summary>
    [JsonStringEnumMemberName("diaspora-of-region")] DiasporaOfRegion,

    /// <summary>An offer answers a need (or the reverse) of the same <c>category</c>.</summary>
    [JsonStringEnumMemberName("offer-meets-need")] OfferMeetsNeed,

    /// <summary>The candidate is from the <c>region</c> the subject wants its counterpart in.</summary>
    [JsonStringEnumMemberName("region-wanted")] RegionWanted,
}
