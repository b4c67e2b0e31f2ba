using Microsoft.AspNetCore.Builder;

namespace Kaolack.Testing;

public sealed record SiloHostOptions(string StorageConnectionString)
{
    /// <summary>Unique per fixture by default, so grain state never leaks between test classes.</summary>
    public string ServiceId { get; init; } = $"test-{Guid.NewGuid():N}"[..21];

    public string ClusterId { get; init; } = $"cluster-{Guid.NewGuid():N}"[..24];

    public bool SeedDemoData { get; init; }

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }
}
