using System.Globalization;
using System.Text.Json.Nodes;

namespace Kaolack.Bench;

/// <summary>
/// Machine-wide CPU time from /proc/stat. Other sessions may share these two cores: a run can wait
/// (bounded) for the machine to be quiet first, as bench/peers/run.js --wait-idle does, and every run
/// records how much CPU processes other than its own used during the measured window.
/// </summary>
internal static class MachineCpu
{
    /// <summary>(busy, total) CPU seconds of the whole machine since boot.</summary>
    public static (double Busy, double Total) Read()
    {
        var fields = File.ReadLines("/proc/stat").First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        var idle = fields[3] + fields[4];
        return ((total - idle) / 100, total / 100);
    }

    /// <summary>Busy CPU between two readings, in % of one core (200 = both cores of this machine).</summary>
    public static double BusyPctOfOneCore((double Busy, double Total) from, (double Busy, double Total) to) =>
        (to.Busy - from.Busy) / Math.Max(to.Total - from.Total, 1e-9) * Environment.ProcessorCount * 100;

    /// <summary>
    /// Waits until the whole machine used less than <paramref name="belowPct"/> % of one core in each of
    /// <paramref name="seconds"/> consecutive seconds (as bench/peers/run.js), at most <paramref name="maxS"/> s.
    /// </summary>
    public static async Task<JsonObject> WaitForIdleAsync(double maxS, double belowPct, int seconds, CancellationToken cancellationToken)
    {
        var start = Clock.NowMs;
        var quiet = 0;
        var busy = 0.0;
        while (true)
        {
            var before = Read();
            await Task.Delay(1000, cancellationToken);
            busy = BusyPctOfOneCore(before, Read());
            quiet = busy < belowPct ? quiet + 1 : 0;
            var waited = Math.Round((Clock.NowMs - start) / 100) / 10;
            if (quiet >= seconds)
            {
                return new JsonObject { ["idle"] = true, ["waitedS"] = waited, ["busyPct"] = Math.Round(busy) };
            }
            if (Clock.NowMs - start >= maxS * 1000)
            {
                return new JsonObject { ["idle"] = false, ["waitedS"] = waited, ["busyPct"] = Math.Round(busy) };
            }
        }
    }
}
