using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The workshop as one caller may see it: coaches get the join code, the coaches' e-mails, the attendance, the guest list
/// and every poll's results; participants get results only once revealed; each caller gets their own ballots, dots and
/// upvotes; nobody gets other people's ballots, nor the author of anything posted anonymously. The parts are built here
/// once, for the snapshots and for the deltas (<see cref="WorkshopChanges"/>) alike.
/// </summary>
public static class WorkshopViews
{
    /// <summary>The words of an open poll shown live (the word cloud); the summary has them all.</summary>
    public const int CloudWords = 60;

    public static WorkshopView For(Caller caller, WorkshopSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var (meta, data) = (snapshot.Meta, snapshot.Data);
        var coach = WorkshopAccess.CanCoach(caller, data);
        var dots = DotTotals(data.Dots);
        return new WorkshopView(
            meta,
            coach ? data.Details : data.Details with { Coaches = [] },
            data.CoachNames,
            coach ? data.JoinCode : null,
            data.Phase,
            data.CurrentItem,
            data.Gathered,
            Timer(data.Timer, now),
            [.. data.Polls.Select(p => Poll(p, coach))],
            [.. data.Columns.Select(Column)],
            [.. data.Notes.Select(n => Note(n, dots))],
            data.DotBudget,
            [.. data.Questions.Select(Question)],
            Reactions.Counts(data),
            [.. data.Hands.Select(Hand)],
            data.Speaking is { } speaking ? Hand(speaking) : null,
            Present(data),
            coach ? [.. data.Attendance.Select(Stay)] : [],
            coach ? [.. data.Guests.Select(Guest)] : [],
            new ParticipantSelf(caller.UserId, coach),
            Mine(data, caller.UserId),
            data.StartedAt,
            data.EndedAt,
            PlanKey.ForWorkshopNotes(meta.Slug).ToString());
    }

    public static TimerView Timer(SessionTimer timer, DateTimeOffset now) => new(
        timer.Running,
        timer.EndsAt,
        (long)SessionTimers.Remaining(timer, now).TotalMilliseconds,
        (long)timer.Duration.TotalMilliseconds,
        now);

    /// <summary>A poll as a coach (results always) or anyone else (results once revealed) sees it.</summary>
    public static PollView Poll(Poll poll, bool coach) =>
        new(poll.Id, poll.Question, poll.Kind, poll.Options, poll.Status, poll.ResultsVisible, poll.Ballots.Length, Results(poll, coach));

    /// <summary>What a coach or anyone else sees of a poll's results: null while hidden from them.</summary>
    public static PollResults? Results(Poll poll, bool coach) => coach || poll.ResultsVisible ? Polls.Results(poll, CloudWords) : null;

    public static BoardColumnView Column(BoardColumn column) => new(column.Id, column.Title);

    public static NoteView Note(StickyNote note, IReadOnlyDictionary<string, int> dots) =>
        new(note.Id, note.ColumnId, note.Text, note.AuthorName, note.Group, dots.GetValueOrDefault(note.Id));

    public static QuestionView Question(Question question) =>
        new(question.Id, question.Text, question.AuthorName, question.AskedAt, question.Upvoters.Length, question.Answered);

    public static HandView Hand(RaisedHand hand) => new(hand.ParticipantId, hand.DisplayName, hand.RaisedAt);

    public static AttendanceView Stay(Stay stay) => new(stay.ParticipantId, stay.DisplayName, stay.Guest, stay.JoinedAt, stay.LeftAt);

    public static GuestView Guest(Guest guest) => new(guest.Id, guest.DisplayName, guest.AdmittedAt);

    /// <summary>People in the session now: one per person with an open stay.</summary>
    public static int Present(WorkshopData data) =>
        data.Attendance.Where(s => s.LeftAt is null).Select(s => s.ParticipantId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Every note's dots, all participants together.</summary>
    public static Dictionary<string, int> DotTotals(IEnumerable<Dot> dots)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var dot in dots)
        {
            totals[dot.NoteId] = totals.GetValueOrDefault(dot.NoteId) + dot.Count;
        }
        return totals;
    }

    /// <summary>What is <paramref name="participantId"/>'s own: ballots, dots, upvotes.</summary>
    public static WorkshopMine Mine(WorkshopData data, string participantId) => new(
        [.. data.Polls.SelectMany(p => p.Ballots.Where(b => b.ParticipantId == participantId).Select(b => new MyBallot(p.Id, b.Choices, b.Words)))],
        [.. data.Dots.Where(d => d.ParticipantId == participantId).Select(d => new MyDots(d.NoteId, d.Count))],
        [.. data.Questions.Where(q => q.Upvoters.Contains(participantId, StringComparer.Ordinal)).Select(q => q.Id)]);

    public static WorkshopListing Listing(WorkshopSnapshot snapshot) => new(
        snapshot.Meta.Slug, snapshot.Data.Details.Title, snapshot.Data.Details.StartsAt, snapshot.Data.Details.DurationMinutes,
        snapshot.Data.Details.ProjectSlug, snapshot.Data.Details.Coaches, snapshot.Data.Phase, snapshot.Meta.Version);
}
