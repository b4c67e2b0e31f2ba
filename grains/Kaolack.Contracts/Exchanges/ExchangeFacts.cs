using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Exchanges;

/// <summary>What a directory entry of an offer or a need carries for filters and matching.</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeFacts(
    [property: Id(0)] ExchangePostKind Kind,
    [property: Id(1)] ExchangeCategory Category,
    [property: Id(2)] ExchangePostStatus Status,
    [property: Id(3)] Region? RegionWanted,
    [property: Id(4)] EntityKind OrganisationKind,
    [property: Id(5)] string OrganisationSlug);
