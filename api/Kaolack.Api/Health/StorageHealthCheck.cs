using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaolack.Api.Health;

/// <summary>Healthy when both the Table and the Blob services of the configured account answer.</summary>
public sealed class StorageHealthCheck(TableServiceClient tables, BlobServiceClient blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await tables.GetPropertiesAsync(cancellationToken);
            await blobs.GetPropertiesAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Stockage joignable ({blobs.AccountName}).");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Le stockage Azure ne répond pas.", exception);
        }
    }
}
