namespace Kaolack.Contracts.Dashboard;

/// <summary>The numbers a project's plan contributes to dashboards, at one plan version.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanFacts(
    [property: Id(0)] long Version,
    [property: Id(1)] MilestoneFact[] Milestones,
    [property: Id(2)] int TasksDone,
    [property: Id(3)] int TasksTotal,
    [property: Id(4)] DateTimeOffset? LastChangeAt)
{
    public static PlanFacts None { get; } = new(0, [], 0, 0, null);
}
