using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kaolack.Silo.Hosting;

namespace Kaolack.Silo.Backup;

/// <summary>
/// <c>Kaolack.Silo export FILE</c> and <c>Kaolack.Silo import FILE</c>: the service (storage and service id as the silo
/// configures them: appsettings, environment, <c>--key=value</c> after the file) written to one archive, or restored from
/// one into an empty account (<see cref="ServiceArchive"/>). Run with the silos stopped.
/// </summary>
public static class ArchiveCommand
{
    private const string Usage = "Usage: Kaolack.Silo export|import FILE [--ConnectionStrings:AzureStorage=…] [--Cluster:ServiceId=…]";

    public static bool Matches(string[] args) => args is ["export" or "import", ..];

    /// <returns>The process exit code: 0 done, 1 refused or failed, 2 misused.</returns>
    public static async Task<int> Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not [var verb, var file, .. var settings] || !Matches(args))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var configuration = Host.CreateApplicationBuilder(settings).Configuration;
        var storage = configuration.GetConnectionString(KaolackApp.StorageConnectionName);
        if (string.IsNullOrWhiteSpace(storage))
        {
            await error.WriteLineAsync($"ConnectionStrings:{KaolackApp.StorageConnectionName} is not set. {Usage}");
            return 2;
        }
        var serviceId = (configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings()).ServiceId;
        var archive = new ServiceArchive(new TableServiceClient(storage), new BlobServiceClient(storage), serviceId);
        try
        {
            if (verb == "export")
            {
                await using var destination = File.Create(file);
                var written = await archive.Export(destination);
                await output.WriteLineAsync($"Service '{serviceId}' exported to {file}: {written.Entities} grain state row(s), {written.Blobs} blob(s).");
            }
            else
            {
                await using var source = File.OpenRead(file);
                var read = await archive.Import(source);
                await output.WriteLineAsync($"Service '{serviceId}' restored from {file} (exported {read.CreatedAt:u}): {read.Entities} grain state row(s), {read.Blobs} blob(s).");
            }
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or IOException or Azure.RequestFailedException)
        {
            await error.WriteLineAsync($"{verb} failed: {exception.Message}");
            return 1;
        }
    }
}
