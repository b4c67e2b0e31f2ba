using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Exchanges;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Tests.Live;

[Collection(ClusterCollection.Name)]
public sealed class TopicSourcesTests(ClusterFixture fixture)
{
    /// <summary>A topic of each kind, the grain interface that sources it and that grain's key: a new kind adds its own here.</summary>
    public static TheoryData<string, Type, string> Sources => new()
    {
        { "cooperative:cooperative-jokko", typeof(ICooperativeGrain), "cooperative-jokko" },
        { "diaspora-group:diaspora-lyon", typeof(IDiasporaGroupGrain), "diaspora-lyon" },
        { "project:puits-solaires", typeof(IJointProjectGrain), "puits-solaires" },
        { "organisation:chambre-commerce-kaolack", typeof(IOrganisationGrain), "chambre-commerce-kaolack" },
        { "exchange:besoin-huile-d-olive", typeof(IExchangePostGrain), "besoin-huile-d-olive" },
        { "directory:diaspora-groups", typeof(IDirectoryGrain), "diaspora-groups" },
        { "plan:atelier-1--notes", typeof(IPlanDocumentGrain), "atelier-1--notes" },
        { "presence:puits-solaires", typeof(IPlanPresenceGrain), "puits-solaires" },
        { "workshop:atelier-1", typeof(IWorkshopGrain), "atelier-1" },
        { "dashboard:programme", typeof(IProgrammeDashboardGrain), IProgrammeDashboardGrain.Key },
        { "dashboard:project:puits-solaires", typeof(IProjectSummaryGrain), "puits-solaires" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Each_kind_is_sourced_by_its_grain_under_the_key_the_topic_names(string name, Type grain, string key)
    {
        Assert.True(Topic.TryParse(name, out var topic));

        var source = TopicKinds.Of(topic.Scope).Source(fixture.Client, topic);

        Assert.IsAssignableFrom(grain, source);
        Assert.Equal(key, source.GetPrimaryKeyString());
    }

    [Fact]
    public void Every_kind_has_a_source_checked_here()
    {
        var checkedScopes = Sources.Select(row => Topic.TryParse((string)row[0], out var topic) ? topic.Scope : throw new InvalidOperationException((string)row[0]));
        Assert.Equal(Enum.GetValues<TopicScope>().Order(), checkedScopes.Distinct().Order());
    }
}
