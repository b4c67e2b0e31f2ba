namespace Kaolack.Testing;

public static class TestClusters
{
    /// <summary>Options for a cluster of its own on a shared Azurite: fresh service and cluster ids, no rate limits.</summary>
    public static SiloHostOptions New(AzuriteFixture azurite, string name)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var id = Guid.NewGuid().ToString("N")[..10];
        return new SiloHostOptions(azurite.ConnectionString)
        {
            ServiceId = $"{name}-{id}",
            ClusterId = $"{name}-cluster-{id}",
            Settings = HostSettings.Unthrottled,
        };
    }
}
