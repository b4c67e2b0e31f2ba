namespace Kaolack.Contracts.Plans;

/// <summary>A page of an entity's history, newest first; <see cref="NextBefore"/> asks for the next page (null: no more).</summary>
[GenerateSerializer, Immutable]
public sealed record PlanHistoryPage(
    [property: Id(0)] PlanHistoryEntry[] Entries,
    [property: Id(1)] long? NextBefore);
