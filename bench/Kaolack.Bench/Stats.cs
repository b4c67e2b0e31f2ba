using System.Text.Json.Serialization;

namespace Kaolack.Bench;

/// <summary>Percentiles as the peers compute them (nearest rank: the ceil(p·n)-th smallest).</summary>
internal sealed record Stats(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("p50")] double? P50,
    [property: JsonPropertyName("p95")] double? P95,
    [property: JsonPropertyName("p99")] double? P99,
    [property: JsonPropertyName("max")] double? Max,
    [property: JsonPropertyName("mean")] double? Mean)
{
    public static Stats Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Stats(0, null, null, null, null, null);
        }
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double Pick(double p) => sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1))];
        return new Stats(sorted.Length, R3(Pick(50)), R3(Pick(95)), R3(Pick(99)), R3(sorted[^1]), R3(sorted.Average()));
    }

    private static double R3(double x) => Math.Round(x * 1000) / 1000;
}
