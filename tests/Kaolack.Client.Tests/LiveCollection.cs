using Kaolack.Testing;

namespace Kaolack.Client.Tests;

/// <summary>One Azurite for the tests against real silos; each test starts its own silo(s) with fresh ids.</summary>
[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "live plan";

    public static SiloHostOptions NewCluster(AzuriteFixture azurite, string name) => TestClusters.New(azurite, name);
}
