using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kaolack.Bench;

/// <summary>
/// The Markdown tables of docs/BENCHMARKS.md from a results file: per configuration (and label) the
/// least disturbed attempt, as the run itself keeps it.
/// </summary>
internal static class MarkdownTable
{
    public static string From(string path)
    {
        var best = new Dictionary<(string?, int, int, double), JsonObject>();
        var order = new List<(string?, int, int, double)>();
        foreach (var line in File.ReadLines(path))
        {
            if (!line.TrimStart().StartsWith('{') || JsonNode.Parse(line) is not JsonObject row)
            {
                continue;
            }
            var key = (row["label"]?.GetValue<string>(), Int(row["clients"]), Int(row["senders"]), Num(row["rate"]) ?? 0);
            if (!best.TryGetValue(key, out var kept))
            {
                order.Add(key);
                best[key] = row;
            }
            else if ((Num(row["otherCpuPct"]) ?? 0) < (Num(kept["otherCpuPct"]) ?? 0))
            {
                best[key] = row;
            }
        }
        var text = new StringBuilder();
        text.AppendLine("| C | S | R (ops/s) | p50 | p95 | p99 | max (ms) | achieved ops/s | ack p50 | ack p99 (ms) | silo CPU % | Azurite CPU % | silo peak RSS MB | Azurite peak RSS MB | load CPU % | other CPU % | converged |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var key in order)
        {
            var r = best[key];
            var lat = r["latencyMs"]!;
            var ack = r["ackLatencyMs"]!;
            var converged = r["converged"]?.GetValue<bool>() == true ? "yes" : "NO";
            if (r["serverDocMatches"]?.GetValue<bool>() == false)
            {
                converged += " (server differs)";
            }
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {key.Item2} | {key.Item3} | {key.Item4} | {F(lat["p50"])} | {F(lat["p95"])} | {F(lat["p99"])} | {F(lat["max"])} | {F(r["achievedOpsPerSec"], 0)} | {F(ack["p50"])} | {F(ack["p99"])} | {F(r["serverCpuPct"], 0)} | {F(r["storageCpuPct"], 0)} | {F(r["serverPeakRssMB"], 0)} | {F(r["storagePeakRssMB"], 0)} | {F(r["loadCpuPct"], 0)} | {F(r["otherCpuPct"], 0)}{(r["disturbed"]?.GetValue<bool>() == true ? " ⚠" : "")} | {converged} |");
        }
        text.AppendLine();
        text.AppendLine("| C | S | R | ops per submission | buffer wait p50 / p99 | invoke → applied p50 / p99 | applied → durable ack p50 / p99 | applied → peer p50 / p99 (ms) | state blob KB | log KB |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var key in order)
        {
            var r = best[key];
            var split = r["split"]!;
            string Pair(string name) => $"{F(split[name]!["p50"])} / {F(split[name]!["p99"])}";
            var blob = Num(r["planStateBlobBytes"]);
            var logBytes = Num(r["planLogBytes"]);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {key.Item2} | {key.Item3} | {key.Item4} | {F(r["opsPerSubmission"], 2)} | {Pair("bufferWaitMs")} | {Pair("invokeToServerApplyMs")} | {Pair("serverApplyToAckMs")} | {Pair("serverApplyToPeerMs")} | {(blob is { } b ? F(b / 1024, 0) : "–")} | {(logBytes is { } l ? F(l / 1024, 0) : "–")} |");
        }
        return text.ToString();
    }

    private static int Int(JsonNode? node) => (int)(Num(node) ?? 0);

    private static double? Num(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var d) ? d : null;

    private static string F(JsonNode? node, int digits = 1) => F(Num(node), digits);

    private static string F(double? value, int digits = 1) =>
        value is { } v ? v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "–";
}
