using System.Globalization;
using Kaolack.Api.Http;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;

namespace Kaolack.Api.Dashboard;

/// <summary>The dashboard's projects table and indicators as CSV rows: the same numbers as the JSON, one per cell.</summary>
public static class DashboardExports
{
    public static readonly string[] ProjectColumns =
    [
        "slug", "title", "status", "regionPair", "valueChains", "kaolackPartners", "orientalPartners",
        "milestonesDone", "milestonesOnTrack", "milestonesLate", "milestonesTotal", "tasksDone", "tasksTotal",
        "nextMilestone", "nextMilestoneDue", "budget", "received", "pledged", "pledgesReceived",
        "pledgesInKindReceived", "pledgesInKind", "lastActivityAt",
    ];

    public static readonly string[] IndicatorColumns = ["indicator", "key", "value"];

    public static IEnumerable<IReadOnlyList<string>> Projects(ProgrammeDashboard dashboard) =>
        dashboard.Projects.Select(p => (IReadOnlyList<string>)
        [
            p.Slug, p.Title, JsonEnum.Name(p.Status), JsonEnum.Name(p.RegionPair), string.Join("; ", p.ValueChains),
            Number(p.KaolackPartners), Number(p.OrientalPartners),
            Number(p.Milestones.Done), Number(p.Milestones.OnTrack), Number(p.Milestones.Late), Number(p.Milestones.Total),
            Number(p.Tasks.Done), Number(p.Tasks.Total),
            p.NextMilestone?.Title ?? "", p.NextMilestone?.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Amounts(p.Budget.Where(b => b.Expected > 0).Select(b => (b.Currency, b.Expected))),
            Amounts(p.Budget.Select(b => (b.Currency, b.Received))),
            Amounts(p.Pledges.Select(b => (b.Currency, b.Expected))),
            Amounts(p.Pledges.Select(b => (b.Currency, b.Received))),
            Number(p.PledgesInKind.Received), Number(p.PledgesInKind.Total),
            p.LastActivityAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "",
        ]).Prepend(ProjectColumns);

    public static IEnumerable<IReadOnlyList<string>> Indicators(ProgrammeIndicators i)
    {
        yield return IndicatorColumns;
        yield return ["projects", "", Number(i.Projects)];
        foreach (var s in i.ByStatus)
        {
            yield return ["projects-by-status", JsonEnum.Name(s.Status), Number(s.Count)];
        }
        foreach (var r in i.ByRegionPair)
        {
            yield return ["projects-by-region-pair", JsonEnum.Name(r.RegionPair), Number(r.Count)];
        }
        foreach (var c in i.ByValueChain)
        {
            yield return ["projects-by-value-chain", c.Name, Number(c.Count)];
        }
        yield return ["milestones", "done", Number(i.Milestones.Done)];
        yield return ["milestones", "on-track", Number(i.Milestones.OnTrack)];
        yield return ["milestones", "late", Number(i.Milestones.Late)];
        yield return ["milestones", "total", Number(i.Milestones.Total)];
        yield return ["tasks", "done", Number(i.Tasks.Done)];
        yield return ["tasks", "total", Number(i.Tasks.Total)];
        foreach (var e in i.Engaged)
        {
            yield return ["engaged-cooperatives", JsonEnum.Name(e.Region), Number(e.Cooperatives)];
            yield return ["engaged-diaspora-groups", JsonEnum.Name(e.Region), Number(e.DiasporaGroups)];
        }
        foreach (var f in i.FairParticipations)
        {
            yield return ["fair-participations", $"{f.Year.ToString(CultureInfo.InvariantCulture)} {JsonEnum.Name(f.Fair)}", Number(f.Count)];
        }
        foreach (var n in i.CapacityNeeds)
        {
            yield return ["capacity-needs", n.Name, Number(n.Count)];
        }
        foreach (var b in i.Budget)
        {
            yield return ["budget", JsonEnum.Name(b.Currency), Decimal(b.Expected)];
            yield return ["budget-received", JsonEnum.Name(b.Currency), Decimal(b.Received)];
        }
        foreach (var p in i.Pledges)
        {
            yield return ["pledges", JsonEnum.Name(p.Currency), Decimal(p.Expected)];
            yield return ["pledges-received", JsonEnum.Name(p.Currency), Decimal(p.Received)];
        }
        yield return ["pledges-in-kind", "received", Number(i.PledgesInKind.Received)];
        yield return ["pledges-in-kind", "total", Number(i.PledgesInKind.Total)];
    }

    /// <summary>"24000000 XOF + 2500 EUR": amounts are never converted between currencies.</summary>
    public static string Amounts(IEnumerable<(Currency Currency, decimal Amount)> amounts) =>
        string.Join(" + ", amounts.Select(a => $"{Decimal(a.Amount)} {JsonEnum.Name(a.Currency)}"));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
