namespace Kaolack.Contracts.Plans;

/// <summary>A named version and the document it saved.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanVersionView(
    [property: Id(0)] PlanVersionInfo Info,
    [property: Id(1)] PlanDocument Document);
