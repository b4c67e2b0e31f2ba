namespace Kaolack.Contracts.Workshops;

/// <summary>One line of the workshop list.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopListing(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] int DurationMinutes,
    [property: Id(4)] string? ProjectSlug,
    [property: Id(5)] string[] Coaches,
    [property: Id(6)] WorkshopPhase Phase,
    [property: Id(7)] long Version);
