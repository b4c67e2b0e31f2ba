namespace Kaolack.Grains.Workshops;

/// <summary>
/// The shared timer's arithmetic. The server holds the instant it ends; clients only count down to it, so every
/// screen shows the same time whatever its latency. Remaining time never goes below zero.
/// </summary>
public static class SessionTimers
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);

    public static SessionTimer Start(TimeSpan duration, DateTimeOffset now) => new(now + duration, duration, duration);

    public static TimeSpan Remaining(SessionTimer timer, DateTimeOffset now) => timer.EndsAt is { } end
        ? Max(end - now, TimeSpan.Zero)
        : timer.Remaining;

    /// <summary>Freezes what is left; pausing a paused timer changes nothing (null).</summary>
    public static SessionTimer? Pause(SessionTimer timer, DateTimeOffset now) =>
        timer.Running ? timer with { EndsAt = null, Remaining = Remaining(timer, now) } : null;

    /// <summary>Counts down again from what was left; resuming a running timer changes nothing (null).</summary>
    public static SessionTimer? Resume(SessionTimer timer, DateTimeOffset now) =>
        timer.Running ? null : timer with { EndsAt = now + timer.Remaining };

    /// <summary>Adds time (or removes it, when negative) to a running or paused timer; it never ends before now.</summary>
    public static SessionTimer Extend(SessionTimer timer, TimeSpan by, DateTimeOffset now)
    {
        var remaining = Min(Max(Remaining(timer, now) + by, TimeSpan.Zero), MaxDuration);
        var duration = Min(Max(timer.Duration + by, TimeSpan.Zero), MaxDuration);
        return timer.Running
            ? timer with { EndsAt = now + remaining, Remaining = remaining, Duration = duration }
            : timer with { Remaining = remaining, Duration = duration };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
