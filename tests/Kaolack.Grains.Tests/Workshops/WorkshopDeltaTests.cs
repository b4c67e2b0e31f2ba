using System.Text.Json;
using Kaolack.Contracts.Wire;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Workshops;
using Microsoft.Extensions.Time.Testing;

namespace Kaolack.Grains.Tests.Workshops;

/// <summary>
/// The live events of a workshop are deltas: for every caller and every kind of change, the view a client holds with the
/// delta it receives applied is exactly the view a snapshot gives at that version. What every participant receives is one
/// shared object (serialised once); only a person's own part differs; a vote costs each phone a few hundred bytes.
/// </summary>
public sealed class WorkshopDeltaTests
{
    private static readonly Participant Coach = new("coach@kaolack.test", "Coach Diop", IsGuest: false, IsCoach: true);
    private static readonly Participant Awa = new("awa@kaolack.test", "Awa Ndiaye", IsGuest: false, IsCoach: false);
    private static readonly Participant Guest = new("guest:atelier-x:1", "Fatou", IsGuest: true, IsCoach: false);
    private static readonly Participant Intruder = new("guest:atelier-x:2", "Intrus", IsGuest: true, IsCoach: false);

    private static readonly Caller[] Callers =
    [
        new(Coach.Id, [Role.Coach]),
        new(Awa.Id, [Role.Member]),
        new(Guest.Id, []),
        new(Intruder.Id, []),
        new("partenaire@kaolack.test", [Role.Partner]),
        new("admin@kaolack.test", [Role.Admin]),
    ];

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero));
    private long version = 1;

    private DateTimeOffset Now => clock.GetUtcNow();

    [Fact]
    public void For_every_caller_and_every_kind_of_change_the_view_with_the_delta_applied_is_the_snapshot_at_that_version()
    {
        var data = GuestList.Admit(GuestList.Admit(WorkshopRules.Create(Details(), Coach.Id, "ABCD2345"), new Guest(Guest.Id, Guest.DisplayName, Now)),
            new Guest(Intruder.Id, Intruder.DisplayName, Now));
        (Participant Who, WorkshopCommand Command)[][] batches =
        [
            [(Coach, new StartSession())],
            [(Awa, new JoinSession()), (Guest, new JoinSession()), (Intruder, new JoinSession())],
            [(Coach, new CreatePoll("p", "Quel salon ?", PollKind.OneChoice, ["Kaolack", "Oriental"])), (Coach, new CreatePoll("w", "Un mot", PollKind.OpenWords, []))],
            [(Coach, new OpenPoll("p")), (Coach, new OpenPoll("w")), (Coach, new StartTimer(300))],
            [(Awa, new Vote("p", [0])), (Guest, new Vote("p", [1])), (Guest, new Vote("w", Words: ["réseau", "confiance"]))],
            [(Awa, new Vote("p", [1]))],
            [(Coach, new ShowPollResults("p", true)), (Intruder, new Vote("w", Words: ["réseau"]))],
            [(Coach, new PauseTimer())],
            [(Coach, new ExtendTimer(60)), (Coach, new ResumeTimer())],
            [(Coach, new AddColumn("c", "Idées")), (Coach, new AddColumn("c2", "Suites")), (Coach, new SetDotBudget(3))],
            [(Awa, new AddNote("n1", "c", "Stand commun")), (Guest, new AddNote("n2", "c", "Emballages")), (Intruder, new AddNote("n3", "c", "Publicité"))],
            [(Awa, new AddDot("n2")), (Guest, new AddDot("n2")), (Guest, new AddDot("n1")), (Intruder, new AddDot("n3"))],
            [(Coach, new GroupNote("n1", "Logistique")), (Coach, new MoveNote("n3", "c2"))],
            [(Coach, new MergeNote("n2", "n1"))],
            [(Awa, new RemoveDot("n1"))],
            [(Awa, new AskQuestion("q1", "Qui paie ?")), (Guest, new AskQuestion("q2", "Quand ?"))],
            [(Guest, new UpvoteQuestion("q1", true)), (Intruder, new UpvoteQuestion("q1", true)), (Awa, new UpvoteQuestion("q2", true))],
            [(Coach, new MarkQuestionAnswered("q1", true)), (Guest, new React(Reaction.Applause)), (Awa, new React(Reaction.Heart))],
            [(Guest, new RaiseHand()), (Awa, new RaiseHand())],
            [(Coach, new CallNextHand()), (Guest, new LeaveSession())],
            [(Coach, new RemoveGuest(Intruder.Id))],
            [(Coach, new DeleteQuestion("q2")), (Coach, new DeleteNote("n3"))],
            [(Coach, new NextItem()), (Coach, new BringEveryoneTo(0))],
            [(Coach, new EndSession())],
        ];
        var views = Callers.ToDictionary(c => c.UserId, c => WorkshopViews.For(c, Snapshot(data), Now));

        foreach (var batch in batches)
        {
            var before = data;
            clock.Advance(TimeSpan.FromSeconds(7));
            foreach (var (who, command) in batch)
            {
                data = WorkshopRules.Apply(data, who, command, Now) ?? throw new InvalidOperationException($"{command} changed nothing.");
            }
            version++;
            var snapshot = Snapshot(data);
            var changes = Assert.IsType<WorkshopChanges>(WorkshopChanges.Between(before, data, snapshot.Meta));
            foreach (var caller in Callers)
            {
                var delta = changes.For(caller);
                if (caller.UserId == Intruder.Id && data.RemovedGuests.Contains(Intruder.Id))
                {
                    Assert.Null(delta);
                    continue;
                }
                Assert.NotNull(delta);
                var applied = WorkshopDeltas.Apply(views[caller.UserId], delta, snapshot.Meta.Version, snapshot.Meta.UpdatedAt);
                var expected = WorkshopViews.For(caller, snapshot, Now);
                Assert.True(Comparable(expected) == Comparable(applied),
                    $"After {string.Join(", ", batch.Select(b => b.Command.GetType().Name))}, {caller.UserId}:\nexpected {Comparable(expected)}\napplied  {Comparable(applied)}");
                views[caller.UserId] = applied;
            }
        }
    }

    [Fact]
    public void An_edit_of_the_details_goes_as_a_whole_view_shaped_per_caller()
    {
        var data = WorkshopRules.Create(Details(), Coach.Id, "ABCD2345");
        var edited = WorkshopRules.Update(data, Details() with { Title = "Nouveau titre", Coaches = ["autre@kaolack.test"] });
        version++;

        var snapshot = Assert.IsType<WorkshopSnapshot>(WorkshopChanges.Between(data, edited, Snapshot(edited).Meta));
        Assert.Equal("Nouveau titre", WorkshopViews.For(Callers[1], snapshot, Now).Details.Title);
        Assert.Empty(WorkshopViews.For(Callers[1], snapshot, Now).Details.Coaches);
    }

    [Fact]
    public void Fifty_votes_in_one_write_reach_every_non_voter_as_one_shared_object_of_a_few_hundred_bytes_and_each_voter_with_their_ballot()
    {
        var data = Apply(WorkshopRules.Create(Details(), Coach.Id, "ABCD2345"), Coach,
            new StartSession(), new CreatePoll("p", "Quel salon préparer en premier ?", PollKind.OneChoice, ["Foire internationale de Kaolack", "Salon de l'ESS de l'Oriental", "Les deux"]),
            new ShowPollResults("p", true), new OpenPoll("p"));
        var before = data;
        for (var i = 0; i < 50; i++)
        {
            var voter = new Participant($"guest:atelier-x:v{i}", $"Votant {i}", IsGuest: true, IsCoach: false);
            data = WorkshopRules.Apply(data, voter, new Vote("p", [i % 3]), Now)!;
        }
        version++;
        var changes = Assert.IsType<WorkshopChanges>(WorkshopChanges.Between(before, data, Snapshot(data).Meta));

        var onlooker = changes.For(new Caller("guest:atelier-x:spectateur", []));
        var partner = changes.For(new Caller("partenaire@kaolack.test", [Role.Partner]));
        var coach = changes.For(new Caller(Coach.Id, [Role.Coach]));
        var voter7 = changes.For(new Caller("guest:atelier-x:v7", []));

        Assert.Same(onlooker, partner);
        // Results are shown: the coaches' delta is the participants' one, the same object.
        Assert.Same(onlooker, coach);
        Assert.Equal(50, changes.Mine.Count);
        var tally = Assert.Single(onlooker!.Tallies!);
        Assert.Equal(50, tally.Voters);
        Assert.Equal([17, 17, 16], tally.Results!.Counts);
        Assert.Null(onlooker.Polls);
        Assert.Equal([1], Assert.Single(voter7!.Mine!.Ballots).Choices);
        var shared = JsonSerializer.SerializeToUtf8Bytes(onlooker, WireJson.Options).Length;
        var own = JsonSerializer.SerializeToUtf8Bytes(voter7, WireJson.Options).Length;
        Assert.InRange(shared, 1, 200);
        Assert.InRange(own, shared, 400);
        Assert.DoesNotContain("Quel salon", JsonSerializer.Serialize(onlooker, WireJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void While_results_are_hidden_participants_get_the_voters_only_and_coaches_the_counts()
    {
        var data = Apply(WorkshopRules.Create(Details(), Coach.Id, "ABCD2345"), Coach,
            new StartSession(), new CreatePoll("p", "Q ?", PollKind.OneChoice, ["a", "b"]), new OpenPoll("p"));
        var before = data;
        data = WorkshopRules.Apply(data, Awa, new Vote("p", [1]), Now)!;
        version++;
        var changes = Assert.IsType<WorkshopChanges>(WorkshopChanges.Between(before, data, Snapshot(data).Meta));

        var participants = changes.For(new Caller("partenaire@kaolack.test", [Role.Partner]))!;
        var coaches = changes.For(new Caller("admin@kaolack.test", [Role.Admin]))!;
        Assert.NotSame(participants, coaches);
        Assert.Equal((1, (PollResults?)null), (participants.Tallies![0].Voters, participants.Tallies[0].Results));
        Assert.Equal([0, 1], coaches.Tallies![0].Results!.Counts);
    }

    [Fact]
    public void In_anonymous_mode_no_event_nor_view_names_the_author_of_a_note_or_question_for_anyone()
    {
        var data = Apply(WorkshopRules.Create(Details() with { Anonymous = true }, Coach.Id, "ABCD2345"), Coach, new StartSession(), new AddColumn("c", "Idées"));
        var before = data;
        data = WorkshopRules.Apply(data, Awa, new AddNote("n", "c", "Un fonds commun"), Now)!;
        data = WorkshopRules.Apply(data, Awa, new AskQuestion("q", "Qui décide ?"), Now)!;
        version++;
        var changes = Assert.IsType<WorkshopChanges>(WorkshopChanges.Between(before, data, Snapshot(data).Meta));

        foreach (var caller in Callers)
        {
            var seen = JsonSerializer.Serialize(changes.For(caller), WireJson.Options) + JsonSerializer.Serialize(WorkshopViews.For(caller, Snapshot(data), Now), WireJson.Options);
            Assert.Contains("Un fonds commun", seen, StringComparison.Ordinal);
            Assert.DoesNotContain(Awa.DisplayName, seen, StringComparison.Ordinal);
            if (caller.UserId != Awa.Id)
            {
                Assert.DoesNotContain(Awa.Id, seen, StringComparison.Ordinal);
            }
        }
    }

    private static WorkshopDetails Details() => new()
    {
        Title = "Atelier en direct",
        StartsAt = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero),
        DurationMinutes = 90,
        Agenda = [new AgendaItem("Accueil", 10), new AgendaItem("Idées", 30)],
    };

    private WorkshopSnapshot Snapshot(WorkshopData data) =>
        new(new EntityMeta("atelier-x", version, new DateTimeOffset(2026, 6, 12, 8, 0, 0, TimeSpan.Zero), Now), data);

    /// <summary>
    /// The view as JSON, its timer's reading aside: a running timer's time left depends on when it is read, and a client
    /// counts down to its end instant, which is compared.
    /// </summary>
    private static string Comparable(WorkshopView view) => JsonSerializer.Serialize(
        view with { Timer = view.Timer with { ServerNow = default, RemainingMs = view.Timer.Running ? 0 : view.Timer.RemainingMs } }, WireJson.Options);

    private WorkshopData Apply(WorkshopData data, Participant who, params WorkshopCommand[] commands)
    {
        foreach (var command in commands)
        {
            data = WorkshopRules.Apply(data, who, command, Now) ?? throw new InvalidOperationException($"{command} changed nothing.");
        }
        return data;
    }
}
