using Kaolack.Grains.Accounts;

namespace Kaolack.Grains.Tests.Accounts;

/// <summary>The login throttle alone, on a clock the test moves.</summary>
public sealed class LoginThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly AccountOptions Options = new() { MaxFailedLogins = 5, LockoutDuration = TimeSpan.FromMinutes(15), FailuresBeforeDelay = 20, MaxLoginDelay = TimeSpan.FromMinutes(1) };

    [Fact]
    public void The_fifth_wrong_password_from_an_address_locks_that_address_only_until_the_lockout_ends()
    {
        var throttle = new LoginThrottle(Options);
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(throttle.Failed("ip:a", Start));
        }

        var locked = throttle.Failed("ip:a", Start);

        Assert.Equal(new LoginOutcome(LoginStatus.LockedOut, null, Start + Options.LockoutDuration), locked);
        Assert.Equal(locked, throttle.Refusal("ip:a", Start.AddMinutes(14)));
        Assert.Null(throttle.Refusal("ip:b", Start.AddMinutes(1)));
        Assert.Null(throttle.Refusal("ip:a", Start + Options.LockoutDuration));
    }

    /// <summary>Twenty addresses each guessing four times stay under their own lock, but the account makes every try wait.</summary>
    [Fact]
    public void Many_addresses_guessing_together_make_every_try_wait_a_growing_delay_capped_and_the_owner_gets_in_after_it()
    {
        var throttle = new LoginThrottle(Options);
        var now = Start;
        for (var i = 0; i < Options.FailuresBeforeDelay; i++)
        {
            Assert.Null(throttle.Refusal($"ip:{i}", now));
            Assert.Null(throttle.Failed($"ip:{i}", now));
        }

        var first = throttle.Refusal("ip:proprietaire", now);
        Assert.Equal(new LoginOutcome(LoginStatus.Delayed, null, now + TimeSpan.FromSeconds(1)), first);
        Assert.Null(throttle.Refusal("ip:proprietaire", now + TimeSpan.FromSeconds(1)));

        for (var i = 0; i < 12; i++)
        {
            now = throttle.Refusal("ip:attaquant", now)?.LockedUntil ?? now;
            throttle.Failed($"ip:x{i}", now);
        }
        var capped = throttle.Refusal("ip:proprietaire", now);
        Assert.Equal(now + Options.MaxLoginDelay, capped!.LockedUntil);

        throttle.Succeeded("ip:proprietaire");
        Assert.Null(throttle.Refusal("ip:nouveau", now));
    }

    [Fact]
    public void Failures_older_than_the_window_no_longer_count_towards_the_delay()
    {
        var throttle = new LoginThrottle(Options);
        for (var i = 0; i < Options.FailuresBeforeDelay; i++)
        {
            throttle.Failed($"ip:{i}", Start);
        }

        Assert.NotNull(throttle.Refusal("ip:z", Start));
        Assert.Null(throttle.Refusal("ip:z", Start + Options.LockoutDuration));
    }

    [Fact]
    public void At_most_MaxClients_addresses_are_remembered_the_longest_quiet_forgotten_first()
    {
        var throttle = new LoginThrottle(Options);
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed("ip:ancienne", Start);
        }
        for (var i = 0; i < LoginThrottle.MaxClients; i++)
        {
            throttle.Failed($"ip:{i}", Start.AddSeconds(1));
        }

        // Forgotten, so its fifth wrong password is its first again.
        Assert.Null(throttle.Failed("ip:ancienne", Start.AddSeconds(2)));
    }
}
