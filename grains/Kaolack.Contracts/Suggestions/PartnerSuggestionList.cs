namespace Kaolack.Contracts.Suggestions;

/// <summary>Suggestions, best first: score descending, then name, then slug.</summary>
[GenerateSerializer, Immutable]
public sealed record PartnerSuggestionList([property: Id(0)] PartnerSuggestion[] Items);
