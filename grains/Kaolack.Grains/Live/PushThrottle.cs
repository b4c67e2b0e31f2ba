namespace Kaolack.Grains.Live;

/// <summary>
/// Coalesces pushes: at most one per <see cref="Interval"/>, and always one after the last change, so watchers
/// end on the final numbers. The owner calls <see cref="OnChange"/> for every change and pushes when told, now or
/// after the returned delay (on a timer); a push reads the state as it is then, so it carries every change before it.
/// </summary>
public sealed class PushThrottle(TimeSpan interval)
{
    private DateTimeOffset? lastPush;
    private bool scheduled;

    public TimeSpan Interval { get; } = interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval));

    /// <returns>Zero to push now; a delay to push after it; null when a push is already scheduled and will carry this change.</returns>
    public TimeSpan? OnChange(DateTimeOffset now)
    {
        if (scheduled)
        {
            return null;
        }
        scheduled = true;
        var wait = lastPush is { } last ? last + Interval - now : TimeSpan.Zero;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Records a push that has just read the state: changes after this need a push of their own.</summary>
    public void Pushed(DateTimeOffset now)
    {
        lastPush = now;
        scheduled = false;
    }
}
