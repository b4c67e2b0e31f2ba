using Kaolack.Contracts.Common;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Dashboard;

/// <summary>
/// Which projects a dashboard counts. Region: projects with a partner of that region (and that region's
/// organisations); period: projects whose start–end overlaps [From, To] (a missing date is open).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DashboardFilter
{
    public static DashboardFilter All { get; } = new();

    [Id(0)] public Region? Region { get; init; }
    [Id(1)] public ProjectStatus? Status { get; init; }
    [Id(2)] public string? ValueChain { get; init; }
    [Id(3)] public DateOnly? From { get; init; }
    [Id(4)] public DateOnly? To { get; init; }
}
