namespace Kaolack.Contracts.Dashboard;

/// <summary>
/// The programme dashboard. Read over REST, or as a live snapshot, <see cref="Projects"/> holds every project the
/// reader may see (matching the filter) and <see cref="Removed"/> is empty; as a live update it holds only the
/// projects changed since the previous push and the slugs of projects gone.
/// </summary>
/// <param name="Version">The version of the "dashboard:programme" topic this view was pushed at.</param>
/// <param name="AsOf">The day lateness was judged against.</param>
/// <param name="Indicators">Counted over the projects the reader may see (and every organisation), filtered.</param>
/// <param name="Series">The programme's daily progress, for readers who see every project; empty for the others (it is
/// history of the whole programme, which cannot be recounted per reader).</param>
/// <param name="WholeProgramme">The reader sees every project (admins, coaches, partners), so live updates carry the
/// indicators and series. False for readers who see only their own projects: their live updates carry only the rows they
/// may see and empty indicators, and the page reads the dashboard again to recount.</param>
[GenerateSerializer, Immutable]
public sealed record ProgrammeDashboard(
    [property: Id(0)] long Version,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] ProgrammeIndicators Indicators,
    [property: Id(3)] ProgressPoint[] Series,
    [property: Id(4)] ProjectSummary[] Projects,
    [property: Id(5)] string[] Removed,
    [property: Id(6)] bool WholeProgramme);
