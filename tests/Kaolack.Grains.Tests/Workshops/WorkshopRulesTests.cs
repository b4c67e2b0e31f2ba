using System.Collections.Immutable;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Workshops;
using Microsoft.Extensions.Time.Testing;

namespace Kaolack.Grains.Tests.Workshops;

/// <summary>The workshop's rules without a cluster: sessions, polls, board and dots, hands, access, views, summaries.</summary>
public sealed class WorkshopRulesTests
{
    private static readonly Participant Coach = new("coach@kaolack.test", "Coach Diop", IsGuest: false, IsCoach: true);
    private static readonly Participant Awa = new("awa@kaolack.test", "Awa", IsGuest: false, IsCoach: false);
    private static readonly Participant Guest = new("guest:atelier-x:1", "Invité", IsGuest: true, IsCoach: false);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => clock.GetUtcNow();

    [Fact]
    public void Every_coach_command_is_refused_as_forbidden_for_a_participant_and_a_guest_and_changes_nothing()
    {
        var live = Live();
        WorkshopCommand[] coachCommands =
        [
            new StartSession(), new EndSession(), new NextItem(), new PreviousItem(), new BringEveryoneTo(1),
            new StartTimer(30), new PauseTimer(), new ResumeTimer(), new ExtendTimer(60),
            new CreatePoll("q", "Question ?", PollKind.OneChoice, ["a", "b"]), new OpenPoll("p"), new ClosePoll("p"), new ShowPollResults("p", true),
            new AddColumn("c2", "Autre"), new MoveNote("n", "c"), new GroupNote("n", "Groupe"), new MergeNote("n", "m"),
            new SetDotBudget(5), new CallNextHand(),
        ];

        foreach (var who in new[] { Awa, Guest })
        {
            foreach (var command in coachCommands)
            {
                var error = Assert.Throws<AccessDeniedException>(() => WorkshopRules.Apply(live, who, command, Now));
                Assert.Equal("forbidden", error.Code);
            }
            Assert.Throws<AccessDeniedException>(() => WorkshopRules.Apply(live, who, new LowerHand(Coach.Id), Now));
        }
        Assert.All(coachCommands, command => Assert.False(WorkshopCommand.IsParticipantCommand(command)));
    }

    [Fact]
    public void A_participant_votes_once_per_poll_may_change_the_vote_while_open_and_not_after_close()
    {
        var data = Apply(Live(), Coach, new CreatePoll("p", "Quel salon ?", PollKind.OneChoice, ["Kaolack", "Oriental", "Les deux"]), new OpenPoll("p"));

        data = Apply(data, Awa, new Vote("p", [0]));
        data = Apply(data, Guest, new Vote("p", [2]));
        data = Apply(data, Awa, new Vote("p", [1]));
        Assert.Null(WorkshopRules.Apply(data, Awa, new Vote("p", [1]), Now));
        var open = Polls.Results(data.Polls[0]);
        data = Apply(data, Coach, new ClosePoll("p"));
        var late = Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new Vote("p", [0]), Now));
        var reopen = Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Coach, new OpenPoll("p"), Now));

        Assert.Equal([0, 1, 1], open.Counts);
        Assert.Equal(2, data.Polls[0].Ballots.Length);
        Assert.Equal(("poll-closed", "poll-closed"), (late.Rule, reopen.Rule));
        Assert.Equal([0, 1, 1], Polls.Results(data.Polls[0]).Counts);
    }

    [Fact]
    public void Polls_refuse_votes_before_opening_and_ballots_that_do_not_fit_their_kind()
    {
        var data = Apply(Live(), Coach,
            new CreatePoll("one", "Un choix", PollKind.OneChoice, ["a", "b"]),
            new CreatePoll("many", "Plusieurs", PollKind.ManyChoices, ["a", "b", "c"]),
            new CreatePoll("words", "Un mot", PollKind.OpenWords, []));

        Assert.Equal("poll-not-open", Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new Vote("one", [0]), Now)).Rule);
        data = Apply(data, Coach, new OpenPoll("one"), new OpenPoll("many"), new OpenPoll("words"));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Awa, new Vote("one", [0, 1]), Now));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Awa, new Vote("one", [2]), Now));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Awa, new Vote("many", []), Now));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Awa, new Vote("words", Words: ["un", "deux", "trois", "quatre"]), Now));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Awa, new Vote("words", [0]), Now));
        Assert.Throws<EntityNotFoundException>(() => WorkshopRules.Apply(data, Awa, new Vote("absent", [0]), Now));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Coach, new CreatePoll("x", "Une seule option", PollKind.OneChoice, ["a"]), Now));
        Assert.Throws<EntityExistsException>(() => WorkshopRules.Apply(data, Coach, new CreatePoll("one", "Encore", PollKind.OneChoice, ["a", "b"]), Now));

        data = Apply(data, Awa, new Vote("many", [2, 0, 2]), new Vote("words", Words: [" Réseau ", "confiance"]));
        data = Apply(data, Guest, new Vote("words", Words: ["réseau"]));
        Assert.Equal([1, 0, 1], Polls.Results(data.Polls[1]).Counts);
        Assert.Equal([new WordCount("réseau", 2), new WordCount("confiance", 1)], Polls.Results(data.Polls[2]).Words);
    }

    [Fact]
    public void Dots_stay_within_the_budget_the_coach_sets_and_follow_a_merged_note()
    {
        var data = Apply(Live(), Coach, new AddColumn("c", "Idées"));
        data = Apply(data, Awa, new AddNote("n1", "c", "Stand commun"), new AddNote("n2", "c", "Fonds diaspora"));

        var closed = Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new AddDot("n1"), Now));
        data = Apply(data, Coach, new SetDotBudget(3));
        data = Apply(data, Awa, new AddDot("n1"), new AddDot("n1"), new AddDot("n2"));
        var over = Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new AddDot("n2"), Now));
        data = Apply(data, Guest, new AddDot("n2"));
        data = Apply(data, Awa, new RemoveDot("n1"), new AddDot("n2"));
        var overAgain = Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new AddDot("n1"), Now));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Coach, new SetDotBudget(WorkshopRules.MaxDotBudget + 1), Now));

        Assert.Equal(("dot-budget", "dot-budget", "dot-budget"), (closed.Rule, over.Rule, overAgain.Rule));
        Assert.Equal((3, 1), (Board.DotsUsed(data, Awa.Id), Board.DotsUsed(data, Guest.Id)));
        Assert.Equal((1, 3), (Board.DotsOn(data, "n1"), Board.DotsOn(data, "n2")));

        data = Apply(data, Coach, new MergeNote("n1", "n2"), new GroupNote("n2", "Financement"));
        var merged = Assert.Single(data.Notes);
        Assert.Equal(("n2", "Fonds diaspora\nStand commun", "Financement", 4), (merged.Id, merged.Text, merged.Group, Board.DotsOn(data, "n2")));
        Assert.Equal(3, Board.DotsUsed(data, Awa.Id));
    }

    [Fact]
    public void The_timer_ends_at_an_instant_held_by_the_server_and_pauses_resumes_and_extends_exactly()
    {
        var data = Apply(Live(), Coach, new StartTimer(30));
        Assert.Equal(Now + TimeSpan.FromSeconds(30), data.Timer.EndsAt);

        clock.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(TimeSpan.FromSeconds(18), SessionTimers.Remaining(data.Timer, Now));
        data = Apply(data, Coach, new PauseTimer());
        Assert.Null(WorkshopRules.Apply(data, Coach, new PauseTimer(), Now));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((false, TimeSpan.FromSeconds(18)), (data.Timer.Running, SessionTimers.Remaining(data.Timer, Now)));
        data = Apply(data, Coach, new ExtendTimer(60));
        Assert.Equal(TimeSpan.FromSeconds(78), SessionTimers.Remaining(data.Timer, Now));
        data = Apply(data, Coach, new ResumeTimer());
        Assert.Equal(Now + TimeSpan.FromSeconds(78), data.Timer.EndsAt);

        clock.Advance(TimeSpan.FromSeconds(8));
        data = Apply(data, Coach, new ExtendTimer(-30));
        Assert.Equal(Now + TimeSpan.FromSeconds(40), data.Timer.EndsAt);
        data = Apply(data, Coach, new ExtendTimer(-600));
        Assert.Equal(Now, data.Timer.EndsAt);

        clock.Advance(TimeSpan.FromSeconds(5));
        var view = WorkshopViews.Timer(data.Timer, Now);
        Assert.Equal((true, 0L, Now), (view.Running, view.RemainingMs, view.ServerNow));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Coach, new StartTimer(0), Now));
    }

    [Fact]
    public void The_agenda_moves_within_its_items_and_bringing_everyone_counts_up()
    {
        var scheduled = WorkshopRules.Create(Details(), Coach.Id, "ABC234");
        Assert.Equal("session-not-started", Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(scheduled, Coach, new NextItem(), Now)).Rule);

        var data = Apply(scheduled, Coach, new StartSession(), new NextItem(), new NextItem());
        Assert.Equal(2, data.CurrentItem);
        Assert.Equal("agenda-bounds", Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Coach, new NextItem(), Now)).Rule);
        var gathered = data.Gathered;
        data = Apply(data, Coach, new PreviousItem(), new BringEveryoneTo(0));
        Assert.Equal((0, gathered + 1), (data.CurrentItem, data.Gathered));
    }

    [Fact]
    public void Hands_queue_in_order_once_each_and_the_coach_calls_the_first()
    {
        var data = Apply(Live(), Awa, new RaiseHand());
        data = Apply(data, Guest, new RaiseHand());
        Assert.Null(WorkshopRules.Apply(data, Awa, new RaiseHand(), Now));

        data = Apply(data, Coach, new CallNextHand());
        Assert.Equal(Awa.Id, data.Speaking!.ParticipantId);
        Assert.Equal([Guest.Id], data.Hands.Select(h => h.ParticipantId));
        data = Apply(data, Guest, new LowerHand());
        Assert.Empty(data.Hands);
        data = Apply(data, Awa, new RaiseHand());
        data = Apply(data, Coach, new LowerHand(Awa.Id));
        Assert.Empty(data.Hands);
    }

    [Fact]
    public void Attendance_records_each_stay_and_ending_closes_polls_attendance_and_refuses_further_commands()
    {
        var data = Apply(Live(), Awa, new JoinSession());
        Assert.Null(WorkshopRules.Apply(data, Awa, new JoinSession(), Now));
        clock.Advance(TimeSpan.FromMinutes(10));
        data = Apply(data, Awa, new LeaveSession());
        data = Apply(data, Guest, new JoinSession());
        clock.Advance(TimeSpan.FromMinutes(5));
        data = Apply(data, Awa, new JoinSession());
        data = Apply(data, Coach, new CreatePoll("p", "Q ?", PollKind.OneChoice, ["a", "b"]), new OpenPoll("p"), new StartTimer(60));
        clock.Advance(TimeSpan.FromSeconds(20));
        data = Apply(data, Coach, new EndSession());

        var start = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [(Awa.Id, start, (DateTimeOffset?)start.AddMinutes(10)), (Guest.Id, start.AddMinutes(10), Now), (Awa.Id, start.AddMinutes(15), Now)],
            data.Attendance.Select(s => (s.ParticipantId, s.JoinedAt, s.LeftAt)));
        Assert.Equal((WorkshopPhase.Ended, PollStatus.Closed, false, TimeSpan.FromSeconds(40)),
            (data.Phase, data.Polls[0].Status, data.Timer.Running, data.Timer.Remaining));
        Assert.Equal("session-ended", Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new RaiseHand(), Now)).Rule);
        Assert.Equal("session-ended", Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new JoinSession(), Now)).Rule);
    }

    [Fact]
    public void Access_lets_every_account_observe_writers_and_own_guests_take_part_and_only_listed_coaches_run_it()
    {
        var data = GuestList.Admit(WorkshopRules.Create(Details(), Coach.Id, "ABC234"), new Guest(Guest.Id, Guest.DisplayName, Now));
        var coach = new Caller(Coach.Id, [Role.Coach]);
        var otherCoach = new Caller("autre@kaolack.test", [Role.Coach]);
        var partner = new Caller("partenaire@kaolack.test", [Role.Partner]);
        var member = new Caller(Awa.Id, [Role.Member]);
        var guest = new Caller(Guest.Id, []);
        var strangerGuest = new Caller("guest:autre-atelier:2", []);
        var admin = new Caller("admin@kaolack.test", [Role.Admin]);

        Caller[] callers = [coach, otherCoach, partner, member, guest, strangerGuest, admin];
        Assert.Equal([true, true, true, true, true, false, true], callers.Select(c => WorkshopAccess.CanObserve(c, data)));
        Assert.Equal([true, true, false, true, true, false, true], callers.Select(c => WorkshopAccess.CanParticipate(c, data)));
        Assert.Equal([true, false, false, false, false, false, true], callers.Select(c => WorkshopAccess.CanCoach(c, data)));
        Assert.Equal([true, true, false, false, false, false, true], callers.Select(WorkshopAccess.CanCreate));
        Assert.True(guest.IsGuest);
    }

    [Fact]
    public void Views_hide_results_from_participants_until_revealed_and_show_each_caller_only_their_own_ballot()
    {
        var data = Apply(Live(), Coach, new CreatePoll("p", "Q ?", PollKind.OneChoice, ["a", "b"]), new OpenPoll("p"));
        data = Apply(data, Awa, new Vote("p", [1]));
        data = Apply(data, Guest, new Vote("p", [0]));
        var snapshot = new WorkshopSnapshot(new EntityMeta("atelier-x", 7, Now, Now), data);
        var coach = WorkshopViews.For(new Caller(Coach.Id, [Role.Coach]), snapshot, Now);
        var awa = WorkshopViews.For(new Caller(Awa.Id, [Role.Member]), snapshot, Now);
        var revealed = WorkshopViews.For(new Caller(Awa.Id, [Role.Member]),
            snapshot with { Data = Apply(data, Coach, new ShowPollResults("p", true)) }, Now);

        Assert.Equal(("ABC234", 2), (coach.JoinCode, coach.Polls[0].Voters));
        Assert.Equal([1, 1], coach.Polls[0].Results!.Counts);
        Assert.Equal((null, (PollResults?)null, 2), (awa.JoinCode, awa.Polls[0].Results, awa.Polls[0].Voters));
        Assert.Equal([1], Assert.Single(awa.Mine.Ballots).Choices);
        Assert.Equal("p", awa.Mine.Ballots[0].PollId);
        Assert.Empty(coach.Mine.Ballots);
        Assert.Equal([1, 1], revealed.Polls[0].Results!.Counts);
    }

    [Fact]
    public void Details_are_validated_and_normalised_and_join_codes_avoid_look_alike_characters()
    {
        var normalised = WorkshopRules.Normalize(Details() with
        {
            Title = "  Atelier  ",
            StartsAt = new DateTimeOffset(2026, 6, 12, 10, 0, 0, TimeSpan.FromHours(1)),
            Coaches = ["Autre@Kaolack.test", "autre@kaolack.test"],
        });
        Assert.Equal(("Atelier", new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero), TimeSpan.Zero), (normalised.Title, normalised.StartsAt, normalised.StartsAt.Offset));
        Assert.Equal(["autre@kaolack.test"], normalised.Coaches);

        var invalid = Assert.Throws<ValidationFailedException>(() => WorkshopRules.Validate(WorkshopRules.Normalize(Details() with
        {
            Title = " ",
            DurationMinutes = 0,
            ProjectSlug = "Pas Un Slug",
            Agenda = [new AgendaItem("", 0)],
            Coaches = ["pas-un-email"],
        })));
        Assert.Equal(["agenda[0].plannedMinutes", "agenda[0].title", "coaches[0]", "durationMinutes", "projectSlug", "title"], invalid.Errors.Keys.Order(StringComparer.Ordinal));

        var codes = Enumerable.Range(0, 200).Select(_ => JoinCodes.NewCode()).ToArray();
        Assert.All(codes, code => Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", code));
        Assert.Equal("K7M2QX9P", JoinCodes.Normalize(" k7m2-qx9p "));
        Assert.Null(JoinCodes.Normalize("K7M2Q0XP"));
        Assert.Null(JoinCodes.Normalize("K7M2QX"));
        Assert.True(Slug.IsValid(JoinCodes.NewWorkshopId()));
    }

    [Fact]
    public void The_summary_lists_agenda_attendance_poll_results_the_board_by_dots_and_the_notes_in_markdown_and_safe_csv()
    {
        var data = Apply(Live(), Awa, new JoinSession());
        data = Apply(data, Coach, new CreatePoll("p", "Quel salon ?", PollKind.OneChoice, ["Kaolack", "Oriental"]), new OpenPoll("p"), new AddColumn("c", "Idées, priorités"), new SetDotBudget(2));
        data = Apply(data, Awa, new Vote("p", [1]), new AddNote("n1", "c", "=HYPERLINK(\"x\")"), new AddNote("n2", "c", "Stand \"commun\""), new AddDot("n2"));
        data = Apply(data, Coach, new EndSession());

        var notes = new PlanDocument([new PlanEntity(PlanEntityKind.Section, "s1", "a0",
            ImmutableDictionary<string, string>.Empty.Add(PlanFields.Heading, "Décisions").Add(PlanFields.Body, "Stand commun en mai."))], [], []);
        var summary = WorkshopSummaries.Of("atelier-x", data, notes, ["Coach Diop"], new SummaryProject("huile-arachide", "Huile d'olive et arachide"));
        var markdown = WorkshopSummaries.Markdown(summary).ReplaceLineEndings("\n");
        var csv = WorkshopSummaries.Csv(summary).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("# Atelier diaspora\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Prévu : 12/06/2026 09:00 à Dakar · 10:00 à Oujda (90 min)\n- Tenu : 12/06/2026, 09:00–09:00 à Dakar · 10:00–10:00 à Oujda\n"
            + "- Coachs : Coach Diop\n- Projet : Huile d'olive et arachide (/#/projets/huile-arachide)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("coach@kaolack.test", markdown, StringComparison.Ordinal);
        Assert.Contains("1. Accueil (10 min)\n2. Idées (30 min)\n3. Suite (15 min)", markdown, StringComparison.Ordinal);
        Assert.Contains("| Awa | non | 09:00 à Dakar · 10:00 à Oujda | 09:00 à Dakar · 10:00 à Oujda | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("1 votant(s), sondage fermé.\n\n- Kaolack : 0\n- Oriental : 1", markdown, StringComparison.Ordinal);
        Assert.Contains("### Idées, priorités\n\n- Stand \"commun\" — 1 gommette(s) (Awa)\n- =HYPERLINK", markdown, StringComparison.Ordinal);
        Assert.Equal("section,subject,detail,value", csv[0]);
        Assert.Contains("poll,Quel salon ?,Oriental,1", csv);
        Assert.Contains("## Notes\n\n### Décisions\n\nStand commun en mai.", markdown, StringComparison.Ordinal);
        Assert.Equal("notes,Décisions,,Stand commun en mai.", csv[^1]);
        Assert.Contains("board,\"Idées, priorités\",\"Stand \"\"commun\"\"\",1", csv);
        Assert.Contains("board,\"Idées, priorités\",\"'=HYPERLINK(\"\"x\"\")\",0", csv);
    }

    private static WorkshopDetails Details() => new()
    {
        Title = "Atelier diaspora",
        StartsAt = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero),
        DurationMinutes = 90,
        Agenda = [new AgendaItem("Accueil", 10), new AgendaItem("Idées", 30), new AgendaItem("Suite", 15)],
    };

    private WorkshopData Live() => Apply(WorkshopRules.Create(Details(), Coach.Id, "ABC234"), Coach, new StartSession());

    /// <summary>Applies commands that must each change the state.</summary>
    private WorkshopData Apply(WorkshopData data, Participant who, params WorkshopCommand[] commands)
    {
        foreach (var command in commands)
        {
            data = WorkshopRules.Apply(data, who, command, Now) ?? throw new InvalidOperationException($"{command} changed nothing.");
        }
        return data;
    }
}
