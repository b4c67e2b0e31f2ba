namespace Kaolack.Api.Tests;

/// <summary>
/// One Azurite for the tests that start their own silos (restart, two-silo cluster). Each test uses its
/// own ServiceId and ClusterId, so they never see each other's grains or silos.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "cluster";

    public static SiloHostOptions NewCluster(AzuriteFixture azurite, string name) => TestClusters.New(azurite, name);
}
