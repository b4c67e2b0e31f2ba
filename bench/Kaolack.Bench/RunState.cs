using System.Collections.Concurrent;
using System.Text.Json;

namespace Kaolack.Bench;

/// <summary>What every client of one run shares: the document, the schedule and the timing arrays.</summary>
internal sealed class RunState
{
    public RunState(string slug, string sectionId, JsonSerializerOptions json, Schedule schedule, int clients)
    {
        Slug = slug;
        SectionId = sectionId;
        Json = json;
        Schedule = schedule;
        SendTime = Filled(schedule.N);
        ServerAt = Filled(schedule.N);
        RecvTime = Filled(clients * schedule.N);
    }

    public string Slug { get; }

    public string SectionId { get; }

    public JsonSerializerOptions Json { get; }

    public Schedule Schedule { get; }

    public Clock.UtcMapping Utc { get; } = new();

    /// <summary>[g]: when op g was made at its sender (the local edit; it may wait in the buffer).</summary>
    public double[] SendTime { get; }

    /// <summary>[g]: when the server applied op g (PlanChange.At on this clock).</summary>
    public double[] ServerAt { get; }

    /// <summary>[client × N + g]: when op g was applied at that client.</summary>
    public double[] RecvTime { get; }

    public ConcurrentQueue<string> Errors { get; } = new();

    public void Report(string error)
    {
        if (Errors.Count < 50)
        {
            Errors.Enqueue(error);
        }
    }

    private static double[] Filled(int length)
    {
        var array = new double[length];
        Array.Fill(array, double.NaN);
        return array;
    }
}
