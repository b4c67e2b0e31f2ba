using Kaolack.Contracts.Common;
using Kaolack.Contracts.Suggestions;

namespace Kaolack.Contracts.Exchanges;

/// <summary>A post that answers another (an offer for a need, or the reverse), with its score and every reason behind it.</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeMatch(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Title,
    [property: Id(2)] ExchangePostKind Kind,
    [property: Id(3)] ExchangeCategory Category,
    [property: Id(4)] PartnerInfo Organisation,
    [property: Id(5)] int Score,
    [property: Id(6)] SuggestionReason[] Reasons);
