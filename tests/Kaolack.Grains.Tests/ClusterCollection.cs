namespace Kaolack.Grains.Tests;

/// <summary>The grain test classes share one Azurite and one cluster, and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans cluster on Azurite";
}
