using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Kaolack.Grains.Hosting;

namespace Kaolack.Silo.Backup;

/// <summary>
/// A whole service in one portable zip archive, and back: every grain's state (the rows of <see cref="GrainSetup.EntitiesTable"/>
/// whose keys carry the service id) and every blob of every container the service names (plan documents and logs, named
/// versions, the keys that sign sessions). Blobs keep their kind (an append blob stays one, the plan log appends to it),
/// content type and metadata; rows keep their typed properties. Cluster membership is not state and is not archived.
/// Restores only into a service with none of this yet, so an import never mixes two services' data.
/// </summary>
public sealed class ServiceArchive(TableServiceClient tables, BlobServiceClient blobs, string serviceId)
{
    public const string Format = "kaolack-archive/1";

    private const string ManifestEntry = "archive.json";
    private const string EntitiesEntry = "tables/entities.jsonl";
    private const string BlobsEntry = "blobs.jsonl";
    private const string BlobFolder = "blobs/";

    /// <summary>The largest block one append may carry (older storage versions refuse more than 4 MiB).</summary>
    private const int AppendChunkBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Entities => tables.GetTableClient(GrainSetup.EntitiesTable);

    /// <summary>What an archive says about itself.</summary>
    public sealed record Manifest(string Format, string ServiceId, DateTimeOffset CreatedAt, int Entities, int Blobs);

    /// <summary>One blob: where it was, its kind and what it carried beside its bytes (stored under <c>blobs/{container}/{name}</c>).</summary>
    public sealed record ArchivedBlob(string Container, string Name, bool Append, string? ContentType, IDictionary<string, string> Metadata);

    /// <summary>One table row; each property as its type and its value written invariantly.</summary>
    public sealed record ArchivedEntity(string PartitionKey, string RowKey, Dictionary<string, ArchivedValue> Properties);

    public sealed record ArchivedValue(string Type, string Value);

    /// <summary>Writes the service to <paramref name="destination"/>. Run it with the silos stopped, or it is a moment of a moving service.</summary>
    public async Task<Manifest> Export(Stream destination, CancellationToken cancellationToken = default)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        var entities = 0;
        await using (var writer = new StreamWriter(zip.CreateEntry(EntitiesEntry).Open()))
        {
            await foreach (var entity in ServiceEntities(cancellationToken))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(ToArchived(entity), Json));
                entities++;
            }
        }
        var archivedBlobs = new List<ArchivedBlob>();
        foreach (var container in await ServiceContainers(cancellationToken))
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, cancellationToken))
            {
                var blob = new ArchivedBlob(container.Name, item.Name, item.Properties.BlobType == BlobType.Append,
                    item.Properties.ContentType, item.Metadata ?? new Dictionary<string, string>());
                await using (var entry = zip.CreateEntry(BlobFolder + container.Name + "/" + item.Name).Open())
                {
                    await container.GetBlobClient(item.Name).DownloadToAsync(entry, cancellationToken);
                }
                archivedBlobs.Add(blob);
            }
        }
        await using (var writer = new StreamWriter(zip.CreateEntry(BlobsEntry).Open()))
        {
            foreach (var blob in archivedBlobs)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(blob, Json));
            }
        }
        var manifest = new Manifest(Format, serviceId, DateTimeOffset.UtcNow, entities, archivedBlobs.Count);
        await using (var entry = zip.CreateEntry(ManifestEntry).Open())
        {
            await JsonSerializer.SerializeAsync(entry, manifest, Json, cancellationToken);
        }
        return manifest;
    }

    /// <summary>Restores an archive of this service into storage that holds none of it yet.</summary>
    /// <exception cref="InvalidOperationException">The archive is of another service or format, or the storage already holds some of this service.</exception>
    public async Task<Manifest> Import(Stream source, CancellationToken cancellationToken = default)
    {
        using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var manifest = await ReadManifest(zip, cancellationToken);
        await RequireEmpty(cancellationToken);

        await Entities.CreateIfNotExistsAsync(cancellationToken);
        foreach (var line in await Lines(zip, EntitiesEntry))
        {
            var archived = JsonSerializer.Deserialize<ArchivedEntity>(line, Json) ?? throw new InvalidDataException($"Empty row in {EntitiesEntry}.");
            await Entities.AddEntityAsync(FromArchived(archived), cancellationToken);
        }
        foreach (var line in await Lines(zip, BlobsEntry))
        {
            var blob = JsonSerializer.Deserialize<ArchivedBlob>(line, Json) ?? throw new InvalidDataException($"Empty line in {BlobsEntry}.");
            var entry = zip.GetEntry(BlobFolder + blob.Container + "/" + blob.Name)
                ?? throw new InvalidDataException($"The archive lists blob {blob.Container}/{blob.Name} but does not hold it.");
            await Restore(blob, entry, cancellationToken);
        }
        return manifest;
    }

    private async Task Restore(ArchivedBlob blob, ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(blob.Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var headers = new BlobHttpHeaders { ContentType = blob.ContentType };
        await using var content = entry.Open();
        if (!blob.Append)
        {
            await container.GetBlobClient(blob.Name).UploadAsync(content,
                new BlobUploadOptions { HttpHeaders = headers, Metadata = blob.Metadata }, cancellationToken);
            return;
        }
        var append = container.GetAppendBlobClient(blob.Name);
        await append.CreateAsync(new AppendBlobCreateOptions { HttpHeaders = headers, Metadata = blob.Metadata }, cancellationToken);
        var buffer = new byte[AppendChunkBytes];
        int read;
        while ((read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            using var chunk = new MemoryStream(buffer, 0, read, writable: false);
            await append.AppendBlockAsync(chunk, cancellationToken: cancellationToken);
        }
    }

    private async Task<Manifest> ReadManifest(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new InvalidOperationException($"Not a Kaolack archive: {ManifestEntry} is missing.");
        await using var stream = entry.Open();
        var manifest = await JsonSerializer.DeserializeAsync<Manifest>(stream, Json, cancellationToken)
            ?? throw new InvalidOperationException($"Not a Kaolack archive: {ManifestEntry} is empty.");
        if (manifest.Format != Format)
        {
            throw new InvalidOperationException($"The archive's format is {manifest.Format}; this silo reads {Format}.");
        }
        // Grain state keys carry the service id: restored under another one, nothing would find it.
        return manifest.ServiceId == serviceId ? manifest
            : throw new InvalidOperationException($"The archive is of service '{manifest.ServiceId}', not '{serviceId}': set Cluster:ServiceId to it.");
    }

    private async Task RequireEmpty(CancellationToken cancellationToken)
    {
        await foreach (var _ in ServiceEntities(cancellationToken))
        {
            throw new InvalidOperationException($"Storage already holds grain state of service '{serviceId}': import only into an empty account.");
        }
        foreach (var container in await ServiceContainers(cancellationToken))
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                throw new InvalidOperationException($"Container {container.Name} already holds {blob.Name}: import only into an empty account.");
            }
        }
    }

    /// <summary>The grain state rows of this service: Orleans prefixes their partition keys with the service id.</summary>
    private async IAsyncEnumerable<TableEntity> ServiceEntities([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var exists = false;
        await foreach (var table in tables.QueryAsync(t => t.Name == GrainSetup.EntitiesTable, cancellationToken: cancellationToken))
        {
            exists = true;
        }
        if (!exists)
        {
            yield break;
        }
        var prefix = serviceId + "_";
        await foreach (var entity in Entities.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (entity.PartitionKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return entity;
            }
        }
    }

    /// <summary>Every container named for this service (<see cref="GrainSetup.DocumentsContainer"/> and its siblings), sorted.</summary>
    private async Task<List<BlobContainerClient>> ServiceContainers(CancellationToken cancellationToken)
    {
        var documents = GrainSetup.DocumentsContainer(serviceId);
        var servicePart = documents[documents.IndexOf('-', StringComparison.Ordinal)..];
        var containers = new List<BlobContainerClient>();
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            if (container.Name.StartsWith("kaolack", StringComparison.Ordinal) && container.Name.EndsWith(servicePart, StringComparison.Ordinal))
            {
                containers.Add(blobs.GetBlobContainerClient(container.Name));
            }
        }
        return [.. containers.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    private static async Task<List<string>> Lines(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The archive has no {name}.");
        using var reader = new StreamReader(entry.Open());
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    private static ArchivedEntity ToArchived(TableEntity entity)
    {
        var properties = new Dictionary<string, ArchivedValue>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
        {
            // The service sets these itself on every write.
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null)
            {
                continue;
            }
            properties[name] = value switch
            {
                string text => new("String", text),
                byte[] bytes => new("Binary", Convert.ToBase64String(bytes)),
                BinaryData data => new("Binary", Convert.ToBase64String(data.ToArray())),
                int number => new("Int32", number.ToString(CultureInfo.InvariantCulture)),
                long number => new("Int64", number.ToString(CultureInfo.InvariantCulture)),
                double number => new("Double", number.ToString("R", CultureInfo.InvariantCulture)),
                bool flag => new("Boolean", flag ? "true" : "false"),
                DateTimeOffset at => new("DateTime", at.ToString("O", CultureInfo.InvariantCulture)),
                DateTime at => new("DateTime", new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture)),
                Guid id => new("Guid", id.ToString()),
                _ => throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey}: property {name} has a type the archive does not know ({value.GetType()})."),
            };
        }
        return new ArchivedEntity(entity.PartitionKey, entity.RowKey, properties);
    }

    private static TableEntity FromArchived(ArchivedEntity archived)
    {
        var entity = new TableEntity(archived.PartitionKey, archived.RowKey);
        foreach (var (name, value) in archived.Properties)
        {
            entity[name] = value.Type switch
            {
                "String" => value.Value,
                "Binary" => Convert.FromBase64String(value.Value),
                "Int32" => int.Parse(value.Value, CultureInfo.InvariantCulture),
                "Int64" => long.Parse(value.Value, CultureInfo.InvariantCulture),
                "Double" => double.Parse(value.Value, CultureInfo.InvariantCulture),
                "Boolean" => value.Value == "true",
                "DateTime" => DateTimeOffset.Parse(value.Value, CultureInfo.InvariantCulture),
                "Guid" => Guid.Parse(value.Value),
                _ => throw new InvalidDataException($"Row {archived.PartitionKey}/{archived.RowKey}: unknown type {value.Type} of {name}."),
            };
        }
        return entity;
    }
}
