namespace Kaolack.Contracts.Plans;

/// <summary>A project's plan at one version: every entity, each kind in order.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanDocument(
    [property: Id(0)] PlanEntity[] Sections,
    [property: Id(1)] PlanEntity[] Milestones,
    [property: Id(2)] PlanEntity[] Tasks);
