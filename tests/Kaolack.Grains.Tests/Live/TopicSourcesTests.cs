using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Tests.Live;

[Collection(ClusterCollection.Name)]
public sealed class TopicSourcesTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("cooperative:cooperative-jokko", typeof(ICooperativeGrain), "cooperative-jokko")]
    [InlineData("diaspora-group:diaspora-lyon", typeof(IDiasporaGroupGrain), "diaspora-lyon")]
    [InlineData("project:puits-solaires", typeof(IJointProjectGrain), "puits-solaires")]
    [InlineData("directory:diaspora-groups", typeof(IDirectoryGrain), "diaspora-groups")]
    [InlineData("plan:atelier-1--notes", typeof(IPlanDocumentGrain), "atelier-1--notes")]
    [InlineData("presence:puits-solaires", typeof(IPlanPresenceGrain), "puits-solaires")]
    [InlineData("workshop:atelier-1", typeof(IWorkshopGrain), "atelier-1")]
    [InlineData("dashboard:programme", typeof(IProgrammeDashboardGrain), IProgrammeDashboardGrain.Key)]
    [InlineData("dashboard:project:puits-solaires", typeof(IProjectSummaryGrain), "puits-solaires")]
    public void Each_kind_is_sourced_by_its_grain_under_the_key_the_topic_names(string name, Type grain, string key)
    {
        Assert.True(Topic.TryParse(name, out var topic));

        var source = TopicKinds.Of(topic.Scope).Source(fixture.Client, topic);

        Assert.IsAssignableFrom(grain, source);
        Assert.Equal(key, source.GetPrimaryKeyString());
    }
}
