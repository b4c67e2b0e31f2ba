using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Exchanges;

/// <summary>Matched (with the counterpart organisation, one that replied) or closed; never back to open.</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeStatusInput(
    [property: Id(0)] ExchangePostStatus Status,
    [property: Id(1)] PartnerRef? MatchedWith);
