using Kaolack.Contracts.Common;
using Kaolack.Contracts.Exchanges;

namespace Kaolack.Grains.Exchanges;

/// <summary>An offer's or a need's persisted state.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.exchange-post-data.v1")]
public sealed record ExchangePostData(
    [property: Id(0)] ExchangePostInput Post,
    [property: Id(1)] PartnerInfo Organisation,
    [property: Id(2)] ExchangePostStatus Status,
    [property: Id(3)] ExchangeReply[] Replies,
    [property: Id(4)] PartnerInfo? MatchedWith,
    [property: Id(5)] string? ProjectSlug);
