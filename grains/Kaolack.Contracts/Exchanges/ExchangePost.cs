using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Exchanges;

/// <summary>An offer or a need as read at one version, with its reply thread.</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangePost(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] ExchangePostInput Post,
    [property: Id(2)] PartnerInfo Organisation,
    [property: Id(3)] ExchangePostStatus Status,
    [property: Id(4)] ExchangeReply[] Replies,
    [property: Id(5)] PartnerInfo? MatchedWith,
    [property: Id(6)] string? ProjectSlug);
