using Kaolack.Contracts.Common;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// What a workshop's live events carry between the grain and the relays: the whole state, ballots included. It never
/// reaches a client as is: <see cref="WorkshopViews.For"/> shapes it for each connection.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopSnapshot([property: Id(0)] EntityMeta Meta, [property: Id(1)] WorkshopData Data);
