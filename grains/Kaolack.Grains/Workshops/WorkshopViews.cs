using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The workshop as one caller may see it: coaches get the join code and every poll's results; participants get results
/// only once revealed, and their own ballots and dots; nobody gets other people's ballots.
/// </summary>
public static class WorkshopViews
{
    public static WorkshopView For(Caller caller, WorkshopSnapshot snapshot, DateTimeOffset now)
    {
        var (meta, data) = (snapshot.Meta, snapshot.Data);
        var coach = WorkshopAccess.CanCoach(caller, data);
        var me = caller.UserId;
        return new WorkshopView(
            meta,
            data.Details,
            coach ? data.JoinCode : null,
            data.Phase,
            data.CurrentItem,
            data.Gathered,
            Timer(data.Timer, now),
            [.. data.Polls.Select(p => Poll(p, me, coach))],
            [.. data.Columns.Select(c => new BoardColumnView(c.Id, c.Title))],
            [.. data.Notes.Select(n => new NoteView(n.Id, n.ColumnId, n.Text, n.AuthorName, n.Group, Board.DotsOn(data, n.Id),
                data.Dots.Where(d => d.NoteId == n.Id && d.ParticipantId == me).Sum(d => d.Count)))],
            data.DotBudget,
            Math.Max(data.DotBudget - Board.DotsUsed(data, me), 0),
            [.. data.Hands.Select(Hand)],
            data.Speaking is { } speaking ? Hand(speaking) : null,
            [.. data.Attendance.Select(s => new AttendanceView(s.ParticipantId, s.DisplayName, s.Guest, s.JoinedAt, s.LeftAt))],
            new ParticipantSelf(me, coach),
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

    private static PollView Poll(Poll poll, string me, bool coach)
    {
        var mine = poll.Ballots.FirstOrDefault(b => b.ParticipantId == me);
        return new PollView(poll.Id, poll.Question, poll.Kind, poll.Options, poll.Status, poll.ResultsVisible, poll.Ballots.Length,
            coach || poll.ResultsVisible ? Polls.Results(poll) : null,
            mine is null || poll.Kind == PollKind.OpenWords ? null : mine.Choices,
            mine is null || poll.Kind != PollKind.OpenWords ? null : mine.Words);
    }

    private static HandView Hand(RaisedHand hand) => new(hand.ParticipantId, hand.DisplayName, hand.RaisedAt);

    public static WorkshopListing Listing(WorkshopSnapshot snapshot) => new(
        snapshot.Meta.Slug, snapshot.Data.Details.Title, snapshot.Data.Details.StartsAt, snapshot.Data.Details.DurationMinutes,
        snapshot.Data.Details.ProjectSlug, snapshot.Data.Details.Coaches, snapshot.Data.Phase, snapshot.Meta.Version);
}
