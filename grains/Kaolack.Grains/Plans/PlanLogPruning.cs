using Kaolack.Contracts.Plans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Grains.Plans;

/// <summary>
/// Keeps plan logs bounded: every <see cref="PlanStorageOptions.PruneInterval"/>, asks each plan whose log has several
/// segments to delete those it no longer needs (<see cref="IPlanDocumentGrain.PruneLog"/>; the plan decides, as only it
/// knows its stored snapshot). Every silo runs it; two at once delete the same blobs, which is harmless.
/// </summary>
public sealed partial class PlanLogPruning(
    PlanLogStore store, IGrainFactory grains, IOptions<PlanStorageOptions> options, TimeProvider clock, ILogger<PlanLogPruning> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAll(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }
        }
    }

    /// <summary>One pass over every plan with several segments; answers how many segments were deleted.</summary>
    public async Task<int> PruneAll(CancellationToken cancellationToken)
    {
        var pruned = 0;
        foreach (var planKey in await store.PlansWithSeveralSegments(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            pruned += await grains.GetGrain<IPlanDocumentGrain>(planKey).PruneLog();
        }
        return pruned;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan log pruning failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception);
}
