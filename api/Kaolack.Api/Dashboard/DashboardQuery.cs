using System.Globalization;
using System.Text.RegularExpressions;
using Kaolack.Api.Http;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Common;

namespace Kaolack.Api.Dashboard;

/// <summary>
/// Filters of the dashboard and its exports: region (kaolack, oriental), status, value chain, and period
/// ("2026", "2026-T2" for a quarter, "2026-05" for a month). Every bad value is reported at once.
/// </summary>
public sealed partial record DashboardQuery(string? Region, string? Status, string? ValueChain, string? Period)
{
    public const int MaxValueChainLength = 100;

    public DashboardFilter ToFilter()
    {
        var v = new Validation();
        var filter = DashboardFilter.All;
        if (!string.IsNullOrWhiteSpace(Region))
        {
            if (JsonEnum.TryParse<Region>(Region, out var region))
            {
                filter = filter with { Region = region };
            }
            else
            {
                v.Add("region", JsonEnum.Expected<Region>());
            }
        }
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (JsonEnum.TryParse<ProjectStatus>(Status, out var status))
            {
                filter = filter with { Status = status };
            }
            else
            {
                v.Add("status", JsonEnum.Expected<ProjectStatus>());
            }
        }
        if (!string.IsNullOrWhiteSpace(ValueChain))
        {
            v.MaxLength("valueChain", ValueChain.Trim(), MaxValueChainLength);
            filter = filter with { ValueChain = ValueChain.Trim() };
        }
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (TryParsePeriod(Period.Trim(), out var from, out var to))
            {
                filter = filter with { From = from, To = to };
            }
            else
            {
                v.Add("period", "Période attendue : année (2026), trimestre (2026-T2) ou mois (2026-05), entre 2000 et 2100.");
            }
        }
        v.ThrowIfInvalid();
        return filter;
    }

    private static bool TryParsePeriod(string period, out DateOnly from, out DateOnly to)
    {
        (from, to) = (default, default);
        var match = PeriodPattern().Match(period);
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }
        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            from = new DateOnly(year, (quarter * 3) - 2, 1);
            to = from.AddMonths(3).AddDays(-1);
            return true;
        }
        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }
            from = new DateOnly(year, month, 1);
            to = from.AddMonths(1).AddDays(-1);
            return true;
        }
        (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return true;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(-T(?<quarter>[1-4])|-(?<month>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
