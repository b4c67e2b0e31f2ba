using Microsoft.AspNetCore.Builder;

namespace Kaolack.Testing;

public sealed record SiloHostOptions(string StorageConnectionString)
{
    /// <summary>Unique per fixture by default, so grain state never leaks between test classes.</summary>
    public string ServiceId { get; init; } = $"test-{Guid.NewGuid():N}"[..21];

    public string ClusterId { get; init; } = $"cluster-{Guid.NewGuid():N}"[..24];

    public bool SeedDemoData { get; init; }

    /// <summary>The administrator the host creates on start (Kaolack:Admin); tests sign in as it to set things up.</summary>
    public string AdminEmail { get; init; } = "admin@tests.example.org";

    public string AdminPassword { get; init; } = "admin-password-for-tests";

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The folder of static files to serve (the built front end), when a test drives a browser.</summary>
    public string? WebRoot { get; init; }

    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }
}
