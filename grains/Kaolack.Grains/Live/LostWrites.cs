using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Kaolack.Grains.Live;

/// <summary>
/// The live sources whose stored version went back below one that clients had already been sent: the store lost
/// acknowledged writes (an emulator killed before it flushed, a restore from an older backup). Clients recover (they are
/// told with a typed code and start again from what is stored), but the loss is an alarm for whoever runs the service:
/// each source is logged as an error where the loss is seen, counted by the metric <c>kaolack.store.lost_writes</c>, and
/// named by /health for <see cref="AlarmWindow"/>. Per silo, like the sources it sees.
/// </summary>
public sealed class LostWrites(TimeProvider clock)
{
    /// <summary>How long /health keeps naming a loss: long enough for whoever is on call to see it the next morning.</summary>
    public static readonly TimeSpan AlarmWindow = TimeSpan.FromHours(24);

    private static readonly Meter Meter = new("Kaolack");
    private static readonly Counter<long> Losses = Meter.CreateCounter<long>(
        "kaolack.store.lost_writes", "{source}", "Live sources found behind a version their clients had seen (acknowledged writes lost by the store).");

    private readonly ConcurrentDictionary<string, LostWrite> sources = new(StringComparer.Ordinal);

    /// <summary>The losses seen within <see cref="AlarmWindow"/>, by source.</summary>
    public IReadOnlyList<LostWrite> Recent
    {
        get
        {
            var since = clock.GetUtcNow() - AlarmWindow;
            return [.. sources.Values.Where(loss => loss.At >= since).OrderBy(loss => loss.Source, StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Records that <paramref name="source"/> stores <paramref name="stored"/> while a client had seen <paramref name="seen"/>.
    /// True when this says more than what was recorded (a new source, or a larger gap): the caller logs it then, so one
    /// loss seen by a hundred clients is one error, not a hundred.
    /// </summary>
    public bool Report(string source, long seen, long stored)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(seen, stored);
        var now = clock.GetUtcNow();
        var isNew = false;
        sources.AddOrUpdate(source,
            _ =>
            {
                isNew = true;
                return new LostWrite(source, seen, stored, now);
            },
            (_, known) =>
            {
                isNew = seen > known.Seen || stored < known.Stored || known.At < now - AlarmWindow;
                return isNew ? new LostWrite(source, Math.Max(seen, known.Seen), Math.Min(stored, known.Stored), now) : known;
            });
        if (isNew)
        {
            Losses.Add(1, new KeyValuePair<string, object?>("source", source));
        }
        return isNew;
    }
}

/// <summary>A source found at <paramref name="Stored"/> after a client had seen <paramref name="Seen"/>: versions in between were lost.</summary>
public sealed record LostWrite(string Source, long Seen, long Stored, DateTimeOffset At);
