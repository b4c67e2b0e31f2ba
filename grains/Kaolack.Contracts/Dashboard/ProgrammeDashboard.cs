namespace Kaolack.Contracts.Dashboard;

/// <summary>
/// The programme dashboard. Read over REST, or as a live snapshot, <see cref="Projects"/> holds every project the
/// reader may see (matching the filter) and <see cref="Removed"/> is empty; as a live update it holds only the
/// projects changed since the previous push and the slugs of projects gone.
/// </summary>
/// <param name="Version">The version of the "dashboard:programme" topic this view was pushed at.</param>
/// <param name="AsOf">The day lateness was judged against.</param>
[GenerateSerializer, Immutable]
public sealed record ProgrammeDashboard(
    [property: Id(0)] long Version,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] ProgrammeIndicators Indicators,
    [property: Id(3)] ProgressPoint[] Series,
    [property: Id(4)] ProjectSummary[] Projects,
    [property: Id(5)] string[] Removed);
