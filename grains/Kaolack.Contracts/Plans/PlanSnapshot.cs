namespace Kaolack.Contracts.Plans;

/// <summary>The whole plan at a version: what a new or far-behind client starts from.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] PlanDocument Document);
