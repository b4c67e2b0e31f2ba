using Kaolack.Contracts.Workshops;
using Microsoft.Extensions.Options;

namespace Kaolack.Grains.Workshops;

/// <summary>One client address's join-code attempts, in memory (a reactivation starts afresh, as after a quiet hour).</summary>
public sealed class JoinAttemptsGrain(TimeProvider clock, IOptions<WorkshopOptions> options) : Grain, IJoinAttemptsGrain
{
    private readonly TokenBucket attempts = new(options.Value.JoinAttemptBurst, options.Value.JoinAttemptInterval);

    public Task<TimeSpan?> Attempt() => Task.FromResult(attempts.TryTake(clock.GetUtcNow()));
}
