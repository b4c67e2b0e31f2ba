using Kaolack.Grains.Live;
using Microsoft.Extensions.Time.Testing;

namespace Kaolack.Grains.Tests.Live;

public sealed class PushThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// 500 changes spread over one second, each possibly scheduling a push on a real timer of the fake clock, as the
    /// grains do: at most one push per interval (plus the first, immediate one), and the last push reads the final value.
    /// </summary>
    [Fact]
    public void Five_hundred_changes_in_one_second_make_a_bounded_number_of_pushes_ending_on_the_final_value()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var throttle = new PushThrottle(Interval);
        var value = 0;
        List<(DateTimeOffset At, int Value)> pushes = [];
        List<ITimer> timers = [];
        void Push()
        {
            throttle.Pushed(clock.GetUtcNow());
            pushes.Add((clock.GetUtcNow(), value));
        }

        for (var change = 1; change <= 500; change++)
        {
            value = change;
            if (throttle.OnChange(clock.GetUtcNow()) is { } delay)
            {
                if (delay == TimeSpan.Zero)
                {
                    Push();
                }
                else
                {
                    timers.Add(clock.CreateTimer(_ => Push(), null, delay, Timeout.InfiniteTimeSpan));
                }
            }
            clock.Advance(TimeSpan.FromMilliseconds(2));
        }
        clock.Advance(Interval);

        var bound = (int)(TimeSpan.FromSeconds(1) / Interval) + 2;
        Assert.InRange(pushes.Count, 2, bound);
        Assert.Equal(500, pushes[^1].Value);
        Assert.All(pushes.Zip(pushes.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Interval, $"pushes at {pair.First.At:O} and {pair.Second.At:O}"));
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void A_change_after_a_quiet_interval_is_pushed_at_once_and_one_during_a_scheduled_push_is_carried_by_it()
    {
        var clock = new FakeTimeProvider();
        var throttle = new PushThrottle(Interval);
        Assert.Equal(TimeSpan.Zero, throttle.OnChange(clock.GetUtcNow()));
        throttle.Pushed(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.FromMilliseconds(150), throttle.OnChange(clock.GetUtcNow()));
        Assert.Null(throttle.OnChange(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        throttle.Pushed(clock.GetUtcNow());
        clock.Advance(Interval);
        Assert.Equal(TimeSpan.Zero, throttle.OnChange(clock.GetUtcNow()));
    }
}
