namespace Kaolack.Grains.Tests;

/// <summary>A grain test class: derives from this to join <see cref="ClusterCollection"/> and reach its cluster.</summary>
[Collection(ClusterCollection.Name)]
public abstract class GrainTests(ClusterFixture cluster)
{
    protected IClusterClient Client => cluster.Client;
}
