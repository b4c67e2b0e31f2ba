using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Health;

/// <summary>Healthy when both the Table and the Blob services of the configured account answer within the bound.</summary>
public sealed class StorageHealthCheck(TableServiceClient tables, BlobServiceClient blobs, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bound = options.Value.CheckTimeout;
        try
        {
            return await HealthBound.Within(bound, async token =>
                {
                    await Task.WhenAll(tables.GetPropertiesAsync(token), blobs.GetPropertiesAsync(token));
                    return HealthCheckResult.Healthy($"Stockage joignable ({blobs.AccountName}).");
                },
                HealthCheckResult.Unhealthy($"Stockage lent : pas de réponse en {bound.TotalSeconds:0.#} s ({blobs.AccountName})."),
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Le stockage Azure ne répond pas ({blobs.AccountName}).", exception);
        }
    }
}
