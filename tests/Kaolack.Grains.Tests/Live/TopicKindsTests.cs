using Kaolack.Contracts.Live;
using Kaolack.Grains.Live;

namespace Kaolack.Grains.Tests.Live;

public sealed class TopicKindsTests
{
    /// <summary>Names of every kind as clients write them (docs/PROTOCOL.md): a new kind adds its own here.</summary>
    public static TheoryData<string, TopicScope> Names => new()
    {
        { "cooperative:cooperative-jokko", TopicScope.Entity },
        { "diaspora-group:diaspora-lyon", TopicScope.Entity },
        { "project:puits-solaires", TopicScope.Entity },
        { "organisation:chambre-commerce-kaolack", TopicScope.Entity },
        { "exchange:besoin-huile-d-olive", TopicScope.Entity },
        { "directory:cooperatives", TopicScope.Directory },
        { "directory:diaspora-groups", TopicScope.Directory },
        { "directory:projects", TopicScope.Directory },
        { "directory:organisations", TopicScope.Directory },
        { "directory:exchanges", TopicScope.Directory },
        { "plan:puits-solaires", TopicScope.Plan },
        { "plan:atelier-1--notes", TopicScope.Plan },
        { "presence:puits-solaires", TopicScope.Presence },
        { "presence:atelier-1--notes", TopicScope.Presence },
        { "workshop:atelier-1", TopicScope.Workshop },
        { "dashboard:programme", TopicScope.ProgrammeDashboard },
        { "dashboard:project:puits-solaires", TopicScope.ProjectDashboard },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_name_reads_as_its_kind_alone_and_is_written_back_the_same(string name, TopicScope scope)
    {
        Assert.True(Topic.TryParse(name, out var topic));
        Assert.Equal(scope, topic.Scope);
        Assert.Equal(name, topic.ToString());
        Assert.Equal(scope, Assert.Single(TopicKinds.All, kind => kind.Parse(name) is not null).Scope);
    }

    [Fact]
    public void Every_scope_has_exactly_one_kind_with_its_event_data_one_visibility_rule_and_a_name_in_these_tests()
    {
        var scopes = Enum.GetValues<TopicScope>();
        Assert.Equal(scopes.Order(), TopicKinds.All.Select(kind => kind.Scope).Order());
        Assert.All(scopes, scope => Assert.Equal(scope, TopicKinds.Of(scope).Scope));
        Assert.All(scopes, scope => Assert.NotNull(LiveVisibility.Of(scope)));
        Assert.All(TopicKinds.All, kind => Assert.NotEmpty(kind.EventData));
        Assert.Equal(scopes.Order(), Names.Select(row => (TopicScope)row[1]).Distinct().Order());
    }

    [Fact]
    public void The_hub_names_every_kind_when_it_does_not_understand_a_topic()
    {
        Assert.Equal(
            "Sujet attendu : cooperative:{slug}, diaspora-group:{slug}, project:{slug}, organisation:{slug}, exchange:{slug}, plan:{slug}, presence:{slug}, workshop:{id}, "
            + "dashboard:programme, dashboard:project:{slug} ou directory:{cooperatives|diaspora-groups|projects|organisations|exchanges}.",
            TopicKinds.Expected);
        Assert.All(TopicKinds.All, kind => Assert.Contains(kind.Pattern, TopicKinds.Expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("project")]
    [InlineData("project:")]
    [InlineData(":puits")]
    [InlineData("project:Puits")]
    [InlineData("project:puits--notes")]
    [InlineData("association:puits")]
    [InlineData("directory:cooperative")]
    [InlineData("plan:a:b")]
    [InlineData("workshop:atelier-1--notes")]
    [InlineData("dashboard:")]
    [InlineData("dashboard:projects")]
    [InlineData("dashboard:project:")]
    [InlineData("dashboard:programme:puits")]
    public void Names_of_no_kind_are_refused(string? name)
    {
        Assert.False(Topic.TryParse(name, out _));
    }

    [Fact]
    public void Names_longer_than_two_hundred_characters_are_refused()
    {
        Assert.False(Topic.TryParse("plan:" + new string('a', 196), out _));
        Assert.True(Topic.TryParse("plan:" + new string('a', 75), out _));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Guests_follow_only_workshops_and_the_notes_of_workshops(string name, TopicScope scope)
    {
        Assert.True(Topic.TryParse(name, out var topic));
        var open = scope == TopicScope.Workshop || (scope is TopicScope.Plan or TopicScope.Presence && name.EndsWith("--notes", StringComparison.Ordinal));
        Assert.Equal(open, TopicKinds.Of(scope).OpenToGuests(topic));
    }
}
