namespace Kaolack.Contracts.Dashboard;

/// <summary>The programme's progress on one day (the last value of that day).</summary>
[GenerateSerializer, Immutable]
public sealed record ProgressPoint(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] int ActiveProjects,
    [property: Id(2)] int MilestonesDone,
    [property: Id(3)] int MilestonesTotal,
    [property: Id(4)] int LateMilestones,
    [property: Id(5)] int TasksDone,
    [property: Id(6)] int TasksTotal);
