using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Live;

namespace Kaolack.Grains.Tests.Live;

public sealed class LiveVisibilityTests
{
    private const string Reader = "equipe@kaolack.test";
    private static readonly DateTimeOffset At = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Caller TeamMember = new(Reader, [Role.Member]);
    private static readonly Caller Stranger = new("etranger@kaolack.test", [Role.Member]);

    private static readonly DirectoryEntry PrivateProject = new()
    {
        Kind = EntityKind.Project, Slug = "projet-prive", Name = "Projet privé", Version = 3, Readers = [Reader],
    };

    private static readonly DirectoryEntry PublicCooperative = new()
    {
        Kind = EntityKind.Cooperative, Slug = "coop-jokko", Name = "Coopérative Jokko", Version = 2, Readers = null,
    };

    public static TheoryData<Role> SeeingEveryProject => new() { Role.Admin, Role.Coach, Role.Partner };

    [Fact]
    public void A_directory_entry_with_readers_reaches_its_readers_unchanged()
    {
        var liveEvent = Event(PrivateProject);
        Assert.Same(liveEvent, For(TeamMember, liveEvent));
    }

    [Fact]
    public void A_directory_entry_with_readers_is_withheld_from_a_member_who_is_not_a_reader()
    {
        Assert.Null(For(Stranger, Event(PrivateProject)));
    }

    [Theory]
    [MemberData(nameof(SeeingEveryProject))]
    public void A_directory_entry_with_readers_reaches_whoever_sees_every_project(Role role)
    {
        var liveEvent = Event(PrivateProject);
        Assert.Same(liveEvent, For(new Caller("quelquun@kaolack.test", [role]), liveEvent));
    }

    [Fact]
    public void A_directory_entry_without_readers_reaches_every_signed_in_account()
    {
        var liveEvent = Event(PublicCooperative);
        Assert.Same(liveEvent, For(Stranger, liveEvent));
        Assert.Same(liveEvent, For(TeamMember, liveEvent));
    }

    [Fact]
    public void Nothing_of_the_directory_reaches_an_account_without_roles()
    {
        var nobody = new Caller(Reader, []);
        Assert.Null(For(nobody, Event(PublicCooperative)));
        Assert.Null(For(nobody, Event(PrivateProject)));
    }

    [Fact]
    public void A_snapshot_keeps_only_the_entries_the_caller_may_see_and_the_rest_of_the_event()
    {
        var liveEvent = Event(new DirectorySnapshot([PublicCooperative, PrivateProject]), ChangeKind.Snapshot);

        var filtered = For(Stranger, liveEvent);

        Assert.NotNull(filtered);
        Assert.Equal((liveEvent.Topic, liveEvent.Version, liveEvent.Change, liveEvent.At), (filtered.Topic, filtered.Version, filtered.Change, filtered.At));
        Assert.Equal([PublicCooperative], Assert.IsType<DirectorySnapshot>(filtered.Data).Entries);
        // The shared event is not changed for the others.
        Assert.Equal([PublicCooperative, PrivateProject], ((DirectorySnapshot)liveEvent.Data!).Entries);
    }

    [Fact]
    public void A_snapshot_the_caller_may_see_whole_is_passed_as_it_is()
    {
        var liveEvent = Event(new DirectorySnapshot([PublicCooperative, PrivateProject]), ChangeKind.Snapshot);
        Assert.Same(liveEvent, For(TeamMember, liveEvent));
        Assert.Same(liveEvent, For(new Caller("coach@kaolack.test", [Role.Coach]), liveEvent));
    }

    [Fact]
    public void A_snapshot_of_only_hidden_entries_becomes_an_empty_snapshot()
    {
        var filtered = For(Stranger, Event(new DirectorySnapshot([PrivateProject]), ChangeKind.Snapshot));
        Assert.Empty(Assert.IsType<DirectorySnapshot>(filtered!.Data).Entries);
    }

    [Fact]
    public void A_project_event_reaches_its_members_unchanged()
    {
        var liveEvent = Event(Project(), topic: "project:projet-prive");
        Assert.Same(liveEvent, For(TeamMember, liveEvent));
    }

    [Theory]
    [MemberData(nameof(SeeingEveryProject))]
    public void A_project_event_reaches_whoever_sees_every_project(Role role)
    {
        var liveEvent = Event(Project(), topic: "project:projet-prive");
        Assert.Same(liveEvent, For(new Caller("quelquun@kaolack.test", [role]), liveEvent));
    }

    [Fact]
    public void A_project_event_is_withheld_from_who_is_not_or_no_longer_a_member()
    {
        var beforeRemoval = Event(Project(), topic: "project:projet-prive");
        var afterRemoval = Event(Project(members: []), topic: "project:projet-prive");

        Assert.Null(For(Stranger, beforeRemoval));
        Assert.Null(For(TeamMember, afterRemoval));
    }

    [Fact]
    public void Other_data_passes_unchanged_even_to_a_stranger()
    {
        LiveEvent[] events =
        [
            Event(new DirectoryRemoval("projet-prive"), ChangeKind.Deleted),
            Event(new EntityMeta("projet-prive", 4, At, At), ChangeKind.Deleted),
            Event(new Cooperative(new EntityMeta("coop-jokko", 2, At, At), Samples.Cooperative(), [Reader]), ChangeKind.Updated),
            Event(null, ChangeKind.Updated),
        ];

        Assert.All(events, liveEvent => Assert.Same(liveEvent, For(Stranger, liveEvent)));
    }

    [Fact]
    public void IsRestricted_is_true_only_for_events_holding_entries_with_readers()
    {
        Assert.True(IsRestricted(Event(PrivateProject)));
        Assert.True(IsRestricted(Event(new DirectorySnapshot([PublicCooperative, PrivateProject]), ChangeKind.Snapshot)));
        Assert.False(IsRestricted(Event(PublicCooperative)));
        Assert.False(IsRestricted(Event(new DirectorySnapshot([PublicCooperative]), ChangeKind.Snapshot)));
        Assert.False(IsRestricted(Event(new DirectoryRemoval("projet-prive"), ChangeKind.Deleted)));
        Assert.True(IsRestricted(Event(Project(), topic: "project:projet-prive")));
        Assert.False(IsRestricted(Event(new EntityMeta("projet-prive", 4, At, At), ChangeKind.Deleted, "project:projet-prive")));
    }

    private static LiveEvent Event(object? data, ChangeKind change = ChangeKind.Updated, string topic = "directory:projects") =>
        new(topic, 7, change, At, data);

    /// <summary>What the relay does with an event: the rule of its topic's kind.</summary>
    private static TopicVisibility Rule(LiveEvent liveEvent) =>
        LiveVisibility.Of(Topic.TryParse(liveEvent.Topic, out var topic) ? topic.Scope : throw new ArgumentException(liveEvent.Topic));

    private static LiveEvent? For(Caller caller, LiveEvent liveEvent) => Rule(liveEvent).For(caller, liveEvent);

    private static bool IsRestricted(LiveEvent liveEvent) => Rule(liveEvent).IsRestricted(liveEvent);

    private static JointProject Project(ProjectMember[]? members = null) =>
        new(new EntityMeta("projet-prive", 7, At, At), Samples.Project(), ProjectStatus.Proposed, [], [], [],
            members ?? [new ProjectMember(Reader, ProjectRole.Viewer, At)]);
}
