namespace Kaolack.Silo.DemoData;

/// <summary>Seeds the demo data set once the silo runs; see DemoCatalog for the data.</summary>
public sealed class DemoDataSeeder(IGrainFactory grains, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = grains;
        logger.LogInformation("Demo data: not yet");
        return Task.CompletedTask;
    }
}
