using System.Globalization;
using Kaolack.Api.Http;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Grains.Common;

namespace Kaolack.Api.Dashboard;

/// <summary>
/// The dashboard's projects table and indicators as CSV rows (<see cref="Csv"/>'s dialect), for a person with a
/// spreadsheet: headers and values in the reader's language (<see cref="ExportLabels"/>), numbers as that language
/// writes them, and money as an amount column beside a currency column, one row per currency (amounts in different
/// currencies are never added). The same numbers as the JSON.
/// </summary>
public static class DashboardExports
{
    public static IEnumerable<IReadOnlyList<string>> Projects(ProgrammeDashboard dashboard, ExportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(labels);
        yield return labels.ProjectColumns;
        foreach (var p in dashboard.Projects)
        {
            string[] project =
            [
                p.Slug, p.Title, labels.Status[p.Status], labels.RegionPairs[p.RegionPair], string.Join(", ", p.ValueChains),
                Csv.Number(p.KaolackPartners), Csv.Number(p.OrientalPartners),
                Csv.Number(p.Milestones.Done), Csv.Number(p.Milestones.OnTrack), Csv.Number(p.Milestones.Late), Csv.Number(p.Milestones.Total),
                Csv.Number(p.Tasks.Done), Csv.Number(p.Tasks.Total),
                p.NextMilestone?.Title ?? "", p.NextMilestone?.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ];
            string[] after =
            [
                Csv.Number(p.PledgesInKind.Received), Csv.Number(p.PledgesInKind.Total),
                p.LastActivityAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
            ];
            var currencies = p.Budget.Select(b => b.Currency).Concat(p.Pledges.Select(b => b.Currency)).Distinct().Order().ToArray();
            if (currencies.Length == 0)
            {
                yield return [.. project, "", "", "", "", "", .. after];
            }
            foreach (var currency in currencies)
            {
                var budget = p.Budget.FirstOrDefault(b => b.Currency == currency);
                var pledges = p.Pledges.FirstOrDefault(b => b.Currency == currency);
                yield return
                [
                    .. project, JsonEnum.Name(currency),
                    Amount(budget?.Expected, labels), Amount(budget?.Received, labels), Amount(pledges?.Expected, labels), Amount(pledges?.Received, labels),
                    .. after,
                ];
            }
        }
    }

    public static IEnumerable<IReadOnlyList<string>> Indicators(ProgrammeIndicators i, ExportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(labels);
        var name = labels.Indicators;
        IReadOnlyList<string> Row(string indicator, string detail, int value) => [indicator, detail, Csv.Number(value), ""];
        IReadOnlyList<string> Money(string indicator, Currency currency, decimal value) => [indicator, "", Csv.Number(value, labels.Culture), JsonEnum.Name(currency)];

        yield return labels.IndicatorColumns;
        yield return Row(name.Projects, "", i.Projects);
        foreach (var s in i.ByStatus)
        {
            yield return Row(name.ProjectsByStatus, labels.Status[s.Status], s.Count);
        }
        foreach (var r in i.ByRegionPair)
        {
            yield return Row(name.ProjectsByRegionPair, labels.RegionPairs[r.RegionPair], r.Count);
        }
        foreach (var c in i.ByValueChain)
        {
            yield return Row(name.ProjectsByValueChain, c.Name, c.Count);
        }
        yield return Row(name.Milestones, labels.Done, i.Milestones.Done);
        yield return Row(name.Milestones, labels.OnTrack, i.Milestones.OnTrack);
        yield return Row(name.Milestones, labels.Late, i.Milestones.Late);
        yield return Row(name.Milestones, labels.Total, i.Milestones.Total);
        yield return Row(name.Tasks, labels.Done, i.Tasks.Done);
        yield return Row(name.Tasks, labels.Total, i.Tasks.Total);
        foreach (var e in i.Engaged)
        {
            yield return Row(name.EngagedCooperatives, labels.Regions[e.Region], e.Cooperatives);
            yield return Row(name.EngagedDiasporaGroups, labels.Regions[e.Region], e.DiasporaGroups);
        }
        foreach (var f in i.FairParticipations)
        {
            yield return Row(name.FairParticipations, $"{labels.Fairs[f.Fair]} {f.Year.ToString(CultureInfo.InvariantCulture)}", f.Count);
        }
        foreach (var n in i.CapacityNeeds)
        {
            yield return Row(name.CapacityNeeds, n.Name, n.Count);
        }
        foreach (var b in i.Budget)
        {
            yield return Money(name.Budget, b.Currency, b.Expected);
            yield return Money(name.BudgetReceived, b.Currency, b.Received);
        }
        foreach (var p in i.Pledges)
        {
            yield return Money(name.Pledges, p.Currency, p.Expected);
            yield return Money(name.PledgesReceived, p.Currency, p.Received);
        }
        yield return Row(name.PledgesInKind, labels.Received, i.PledgesInKind.Received);
        yield return Row(name.PledgesInKind, labels.Total, i.PledgesInKind.Total);
    }

    private static string Amount(decimal? value, ExportLabels labels) => value is { } amount ? Csv.Number(amount, labels.Culture) : "";
}
