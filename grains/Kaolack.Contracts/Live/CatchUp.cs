namespace Kaolack.Contracts.Live;

/// <summary>What a topic's source answers to "I last saw version N".</summary>
/// <param name="Version">The source's current version.</param>
/// <param name="Events">The events after N in order, or a single snapshot event when they are no longer held.</param>
[GenerateSerializer, Immutable]
public sealed record CatchUp(
    [property: Id(0)] string Topic,
    [property: Id(1)] long Version,
    [property: Id(2)] LiveEvent[] Events);
