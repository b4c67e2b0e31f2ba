using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Workshops;
using Microsoft.Extensions.Time.Testing;

namespace Kaolack.Grains.Tests.Workshops;

/// <summary>
/// The rules added for sessions of hundreds of phones, without a cluster and on a fake clock: the Q&amp;A, reactions and
/// their pace, anonymous mode, moderation (deleting notes and questions, removing a guest), hands that survive a
/// reload, the admission and join-attempt buckets, and outlines for copies and templates.
/// </summary>
public sealed class WorkshopSessionRulesTests
{
    private static readonly Participant Coach = new("coach@kaolack.test", "Coach Diop", IsGuest: false, IsCoach: true);
    private static readonly Participant Awa = new("awa@kaolack.test", "Awa", IsGuest: false, IsCoach: false);
    private static readonly Participant Guest = new("guest:atelier-x:1", "Invité", IsGuest: true, IsCoach: false);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => clock.GetUtcNow();

    [Fact]
    public void Questions_are_asked_upvoted_once_each_marked_answered_and_deleted_by_coaches_only()
    {
        var data = Apply(Live(), Awa, new AskQuestion("q1", "  Quand part la délégation ?  "));
        clock.Advance(TimeSpan.FromSeconds(3));
        data = Apply(data, Guest, new AskQuestion("q2", "Qui paie le stand ?"));
        data = Apply(data, Awa, new UpvoteQuestion("q2", Up: true));
        Assert.Null(WorkshopRules.Apply(data, Awa, new UpvoteQuestion("q2", Up: true), Now));
        data = Apply(data, Guest, new UpvoteQuestion("q2", Up: true), new UpvoteQuestion("q1", Up: true));
        data = Apply(data, Guest, new UpvoteQuestion("q1", Up: false));
        Assert.Null(WorkshopRules.Apply(data, Guest, new UpvoteQuestion("q1", Up: false), Now));
        data = Apply(data, Coach, new MarkQuestionAnswered("q2", Answered: true));
        Assert.Null(WorkshopRules.Apply(data, Coach, new MarkQuestionAnswered("q2", Answered: true), Now));

        Assert.Equal([("q1", "Quand part la délégation ?", "Awa", 0), ("q2", "Qui paie le stand ?", "Invité", 2)],
            data.Questions.Select(q => (q.Id, q.Text, q.AuthorName, q.Upvoters.Length)));
        Assert.Equal((Now - TimeSpan.FromSeconds(3), true), (data.Questions[0].AskedAt, data.Questions[1].Answered));
        Assert.Throws<AccessDeniedException>(() => WorkshopRules.Apply(data, Awa, new MarkQuestionAnswered("q1", true), Now));
        Assert.Throws<AccessDeniedException>(() => WorkshopRules.Apply(data, Guest, new DeleteQuestion("q1"), Now));
        Assert.Throws<EntityExistsException>(() => WorkshopRules.Apply(data, Awa, new AskQuestion("q1", "Encore ?"), Now));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Awa, new AskQuestion("q3", new string('x', WorkshopRules.MaxQuestionTextLength + 1)), Now));
        Assert.Throws<EntityNotFoundException>(() => WorkshopRules.Apply(data, Awa, new UpvoteQuestion("absente", true), Now));

        data = Apply(data, Coach, new DeleteQuestion("q1"));
        Assert.Equal(["q2"], data.Questions.Select(q => q.Id));
        var ended = Apply(data, Coach, new EndSession());
        Assert.Equal("session-ended", Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(ended, Awa, new AskQuestion("q9", "Trop tard ?"), Now)).Rule);
    }

    [Fact]
    public void The_questions_of_a_session_are_bounded()
    {
        var data = Live();
        for (var i = 0; i < WorkshopRules.MaxQuestions; i++)
        {
            data = Apply(data, Awa, new AskQuestion($"q{i}", $"Question {i} ?"));
        }
        Assert.Equal("too-many-questions", Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new AskQuestion("une-de-trop", "Et celle-ci ?"), Now)).Rule);
    }

    [Fact]
    public void In_anonymous_mode_notes_and_questions_keep_no_author_name_and_the_summary_names_nobody()
    {
        var data = Apply(WorkshopRules.Create(Details() with { Anonymous = true }, Coach.Id, "ABCD2345"), Coach, new StartSession(), new AddColumn("c", "Idées"));
        data = Apply(data, Awa, new AddNote("n", "c", "Un fonds commun"), new AskQuestion("q", "Qui décide ?"));
        data = Apply(data, Guest, new AddNote("m", "c", "Un stand partagé"));

        Assert.All(data.Notes, note => Assert.Null(note.AuthorName));
        Assert.Null(Assert.Single(data.Questions).AuthorName);
        // Whose it is stays known to the server alone (never sent): it is what own items are recognised by.
        Assert.Equal([Awa.Id, Guest.Id], data.Notes.Select(n => n.AuthorId));
        var notes = new Kaolack.Contracts.Plans.PlanDocument([], [], []);
        var markdown = WorkshopSummaries.Markdown(WorkshopSummaries.Of("atelier-x", data, notes, ["Coach Diop"], null));
        Assert.DoesNotContain(Awa.DisplayName, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain($"({Guest.DisplayName})", markdown, StringComparison.Ordinal);
        Assert.Contains("- Un fonds commun — 0 gommette(s)\n- Un stand partagé — 0 gommette(s)\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("- Qui décide ? — 0 vote(s)\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("- Mode anonyme", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Reactions_are_counted_by_kind_and_each_participant_is_paced_on_the_clock()
    {
        var pacing = new ReactionPacing(TimeSpan.FromSeconds(1));
        var data = Live();
        var sent = 0;
        for (var i = 0; i < 10; i++)
        {
            if (pacing.Allow(Awa.Id, Now))
            {
                data = Apply(data, Awa, new React(Reaction.Applause));
                sent++;
            }
            clock.Advance(TimeSpan.FromMilliseconds(300));
        }
        Assert.True(pacing.Allow(Guest.Id, Now));
        data = Apply(data, Guest, new React(Reaction.Heart));

        // 3 s of a held button: one reaction a second (at 0, 1.2 and 2.4 s).
        Assert.Equal(3, sent);
        Assert.Equal([3, 1, 0, 0, 0], Reactions.Counts(data).Select(r => r.Count));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Apply(data, Awa, new React((Reaction)42), Now));
    }

    [Fact]
    public void A_raised_hand_stays_raised_when_its_owner_leaves_and_comes_back()
    {
        var data = Apply(Live(), Guest, new JoinSession(), new RaiseHand());
        clock.Advance(TimeSpan.FromSeconds(5));
        data = Apply(data, Guest, new LeaveSession());
        data = Apply(data, Guest, new JoinSession());

        Assert.Equal([Guest.Id], data.Hands.Select(h => h.ParticipantId));
        Assert.Null(WorkshopRules.Apply(data, Guest, new RaiseHand(), Now));
    }

    [Fact]
    public void A_coach_deletes_a_note_and_its_dots_go_back_to_their_owners()
    {
        var data = Apply(Live(), Coach, new AddColumn("c", "Idées"), new SetDotBudget(2));
        data = Apply(data, Awa, new AddNote("n1", "c", "Publicité"), new AddNote("n2", "c", "Fonds"));
        data = Apply(data, Awa, new AddDot("n1"), new AddDot("n1"));
        Assert.Equal("dot-budget", Assert.Throws<RuleViolationException>(() => WorkshopRules.Apply(data, Awa, new AddDot("n2"), Now)).Rule);

        Assert.Throws<AccessDeniedException>(() => WorkshopRules.Apply(data, Awa, new DeleteNote("n1"), Now));
        data = Apply(data, Coach, new DeleteNote("n1"));

        Assert.Equal(["n2"], data.Notes.Select(n => n.Id));
        Assert.Equal(0, Board.DotsUsed(data, Awa.Id));
        data = Apply(data, Awa, new AddDot("n2"));
        Assert.Equal(1, Board.DotsOn(data, "n2"));
    }

    [Fact]
    public void Removing_a_guest_ends_their_stay_and_takes_back_their_votes_dots_upvotes_and_hand_but_not_their_ideas()
    {
        var data = Apply(Live(), Coach, new CreatePoll("p", "Q ?", PollKind.OneChoice, ["a", "b"]), new OpenPoll("p"), new AddColumn("c", "Idées"), new SetDotBudget(3));
        data = Apply(data, Awa, new AskQuestion("q", "Pourquoi ?"), new AddNote("n1", "c", "Idée d'Awa"), new Vote("p", [0]));
        data = GuestList.Admit(data, new Guest(Guest.Id, Guest.DisplayName, Now));
        data = Apply(data, Guest, new JoinSession(), new Vote("p", [1]), new AddNote("n2", "c", "Spam"), new AddDot("n1"), new UpvoteQuestion("q", true), new RaiseHand());
        data = Apply(data, Coach, new CallNextHand());
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Throws<AccessDeniedException>(() => WorkshopRules.Apply(data, Awa, new RemoveGuest(Guest.Id), Now));
        Assert.Throws<EntityNotFoundException>(() => WorkshopRules.Apply(data, Coach, new RemoveGuest(Awa.Id), Now));
        data = Apply(data, Coach, new RemoveGuest(Guest.Id));

        Assert.Empty(data.Guests);
        Assert.Equal([Guest.Id], data.RemovedGuests);
        Assert.Equal(Now, Assert.Single(data.Attendance).LeftAt);
        Assert.Null(data.Speaking);
        Assert.Equal([1, 0], Polls.Results(data.Polls[0]).Counts);
        Assert.Equal(0, Board.DotsOn(data, "n1"));
        Assert.Empty(data.Questions[0].Upvoters);
        Assert.Equal(["n1", "n2"], data.Notes.Select(n => n.Id));
        Assert.False(WorkshopAccess.CanObserve(new Caller(Guest.Id, []), data));
        Assert.Throws<EntityNotFoundException>(() => WorkshopRules.Apply(data, Coach, new RemoveGuest(Guest.Id), Now));
    }

    [Fact]
    public void A_workshop_admits_at_most_its_guests_and_removed_guests_free_their_place_only_so_often()
    {
        var data = WorkshopRules.Create(Details(), Coach.Id, "ABCD2345");
        for (var i = 0; i < WorkshopRules.MaxGuests; i++)
        {
            data = GuestList.Admit(data, new Guest($"guest:atelier-x:{i}", $"Invité {i}", Now));
        }
        Assert.Equal("too-many-guests", Assert.Throws<RuleViolationException>(() => GuestList.Admit(data, new Guest("guest:atelier-x:plus", "Un de trop", Now))).Rule);
        for (var i = 0; i < WorkshopRules.MaxGuests; i++)
        {
            data = GuestList.Remove(data, $"guest:atelier-x:{i}", Now);
            data = GuestList.Admit(data, new Guest($"guest:atelier-x:n{i}", $"Nouveau {i}", Now));
        }
        data = GuestList.Remove(data, "guest:atelier-x:n0", Now);
        Assert.Equal("too-many-guests", Assert.Throws<RuleViolationException>(() => GuestList.Admit(data, new Guest("guest:atelier-x:fin", "Encore", Now))).Rule);
        var ended = Apply(Apply(data, Coach, new StartSession()), Coach, new EndSession());
        Assert.Equal("session-ended", Assert.Throws<RuleViolationException>(() => GuestList.Admit(ended, new Guest("guest:atelier-x:tard", "Tard", Now))).Rule);
    }

    [Fact]
    public void A_token_bucket_grants_its_burst_then_one_per_interval_and_says_how_long_to_wait()
    {
        var bucket = new TokenBucket(3, TimeSpan.FromSeconds(10));
        var granted = Enumerable.Range(0, 5).Select(_ => bucket.TryTake(Now)).ToArray();
        Assert.Equal([null, null, null], granted[..3]);
        Assert.Equal(TimeSpan.FromSeconds(10), granted[3]);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), bucket.TryTake(Now));
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Null(bucket.TryTake(Now));
        Assert.NotNull(bucket.TryTake(Now));

        // A long quiet time refills up to the burst, not beyond.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => bucket.TryTake(Now) is null));
    }

    [Fact]
    public void An_outline_keeps_what_a_workshop_is_prepared_with_and_a_new_workshop_gets_its_polls_as_drafts_and_its_columns()
    {
        var prepared = Apply(Live(), Coach,
            new CreatePoll("p1", "Quel salon ?", PollKind.OneChoice, ["Kaolack", "Oriental"]),
            new CreatePoll("p2", "Un mot", PollKind.OpenWords, []),
            new AddColumn("c1", "Atouts"), new AddColumn("c2", "Freins"), new OpenPoll("p1"));
        prepared = Apply(prepared, Awa, new Vote("p1", [0]), new AddNote("n", "c1", "Réseau"));

        var outline = WorkshopRules.Outline(prepared);
        var copy = WorkshopRules.Prepare(WorkshopRules.Create(Details() with { Title = "Copie" }, Awa.Id, "ABCD2345"), outline);

        Assert.Equal(("Atelier de préparation", 90, 3), (outline.Title, outline.DurationMinutes, outline.Agenda.Length));
        Assert.Equal([("Quel salon ?", PollStatus.Draft, 0), ("Un mot", PollStatus.Draft, 0)], copy.Polls.Select(p => (p.Question, p.Status, p.Ballots.Length)));
        Assert.Equal(["Atouts", "Freins"], copy.Columns.Select(c => c.Title));
        Assert.Empty(copy.Notes);
        Assert.Equal(("Copie", WorkshopPhase.Scheduled), (copy.Details.Title, copy.Phase));
        Assert.Throws<ValidationFailedException>(() => WorkshopRules.Prepare(WorkshopRules.Create(Details(), Awa.Id, "ABCD2345"), outline with { Polls = [new PreparedPoll("Un seul choix ?", PollKind.OneChoice, ["a"])] }));
    }

    private static WorkshopDetails Details() => new()
    {
        Title = "Atelier de préparation",
        StartsAt = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero),
        DurationMinutes = 90,
        Agenda = [new AgendaItem("Accueil", 10), new AgendaItem("Idées", 30), new AgendaItem("Suite", 15)],
    };

    private WorkshopData Live() => Apply(WorkshopRules.Create(Details(), Coach.Id, "ABCD2345"), Coach, new StartSession());

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
