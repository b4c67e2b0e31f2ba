using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Suggestions;

/// <summary>A cooperative or diaspora group worth contacting, with its score and every reason behind it.</summary>
/// <param name="Region">A cooperative's region, a diaspora group's origin region.</param>
/// <param name="Place">Commune for a cooperative, "city, country" for a diaspora group.</param>
[GenerateSerializer, Immutable]
public sealed record PartnerSuggestion(
    [property: Id(0)] EntityKind Kind,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Name,
    [property: Id(3)] Region Region,
    [property: Id(4)] string Place,
    [property: Id(5)] int Score,
    [property: Id(6)] SuggestionReason[] Reasons);
