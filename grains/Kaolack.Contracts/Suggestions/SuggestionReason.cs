using System.Text.Json.Serialization;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Exchanges;

namespace Kaolack.Contracts.Suggestions;

/// <summary>One reason, as a code and the parameters it names (the others are left out of the JSON).</summary>
[GenerateSerializer, Immutable]
public sealed record SuggestionReason
{
    [Id(0)] public SuggestionReasonCode Code { get; init; }

    /// <summary>
    /// The value chain the reason is about, as its owner spells it: the candidate's for same-value-chain and
    /// complementary-value-chain, the subject's for interest-matches-value-chain.
    /// </summary>
    [Id(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ValueChain { get; init; }

    /// <summary>The subject's value chain that the candidate's complements.</summary>
    [Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Complements { get; init; }

    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Skill { get; init; }

    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Need { get; init; }

    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Interest { get; init; }

    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Region? Region { get; init; }

    /// <summary>What an offer and a need are both about (offer-meets-need).</summary>
    [Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ExchangeCategory? Category { get; init; }
}
