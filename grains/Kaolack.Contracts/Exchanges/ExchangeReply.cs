using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Exchanges;

/// <summary>One message of a post's reply thread, written on behalf of an organisation.</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeReply(
    [property: Id(0)] PartnerInfo Organisation,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset At);
