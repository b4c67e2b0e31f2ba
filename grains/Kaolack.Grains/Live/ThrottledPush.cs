namespace Kaolack.Grains.Live;

/// <summary>
/// Coalesced live pushes of one grain (<see cref="PushThrottle"/>): at most one per interval, the first at once, later
/// ones on a grain timer, always one after the last change. The push reads the state when it runs, so it carries every
/// change before it.
/// </summary>
public sealed class ThrottledPush(IGrainBase owner, TimeSpan interval, TimeProvider clock, Func<Task> push)
{
    private readonly PushThrottle throttle = new(interval);
    private IGrainTimer? timer;

    /// <summary>Something changed: push now, or when the interval since the last push has passed.</summary>
    public void Changed()
    {
        if (throttle.OnChange(clock.GetUtcNow()) is { } delay)
        {
            timer?.Dispose();
            timer = owner.RegisterGrainTimer(_ => PushNow(), new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>Pushes at once, outside the throttle's schedule (a change of day); changes after this need a push of their own.</summary>
    public Task PushNow()
    {
        throttle.Pushed(clock.GetUtcNow());
        return push();
    }
}
