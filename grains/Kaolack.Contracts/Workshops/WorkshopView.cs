using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Workshops;

/// <summary>
/// A workshop as one caller sees it: details, and the whole live session (current item, timer, polls, board, questions,
/// reactions, hand queue). A snapshot of "workshop:{id}" (on subscribing with nothing seen, or after a gap) and the answer
/// of GET /api/workshops/{id} carry one; live events carry a <see cref="WorkshopDelta"/> to apply to it
/// (<see cref="WorkshopDeltas.Apply"/>), or a whole view again when the details changed.
/// Shaped per caller: the join code, other coaches' e-mails, the attendance and the guest list only for coaches; poll
/// results only for coaches while hidden; the caller's own ballots, dots and upvotes in <see cref="Mine"/>; no author of
/// anything posted in anonymous mode, for anyone.
/// </summary>
/// <param name="CoachNames">The coaches' display names (their e-mails are in <see cref="WorkshopDetails.Coaches"/> for coaches only).</param>
/// <param name="Gathered">Goes up each time the coach brings everyone to <see cref="CurrentItem"/>.</param>
/// <param name="Present">People in the session now (one per person, however many screens).</param>
/// <param name="Attendance">Every stay (coaches only; empty for others).</param>
/// <param name="Guests">Guests admitted by the code (coaches only; empty for others).</param>
/// <param name="You">The caller's participant id (account e-mail or guest id), and whether they coach it.</param>
/// <param name="NotesDocument">The key of the shared notes' plan document: topic "plan:{key}", hub SubmitPlanOp(key, …).</param>
[GenerateSerializer, Immutable]
public sealed record WorkshopView(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] WorkshopDetails Details,
    [property: Id(2)] string[] CoachNames,
    [property: Id(3)] string? JoinCode,
    [property: Id(4)] WorkshopPhase Phase,
    [property: Id(5)] int CurrentItem,
    [property: Id(6)] int Gathered,
    [property: Id(7)] TimerView Timer,
    [property: Id(8)] PollView[] Polls,
    [property: Id(9)] BoardColumnView[] Columns,
    [property: Id(10)] NoteView[] Notes,
    [property: Id(11)] int DotBudget,
    [property: Id(12)] QuestionView[] Questions,
    [property: Id(13)] ReactionCount[] Reactions,
    [property: Id(14)] HandView[] Hands,
    [property: Id(15)] HandView? Speaking,
    [property: Id(16)] int Present,
    [property: Id(17)] AttendanceView[] Attendance,
    [property: Id(18)] GuestView[] Guests,
    [property: Id(19)] ParticipantSelf You,
    [property: Id(20)] WorkshopMine Mine,
    [property: Id(21)] DateTimeOffset? StartedAt,
    [property: Id(22)] DateTimeOffset? EndedAt,
    [property: Id(23)] string NotesDocument);

[GenerateSerializer, Immutable]
public sealed record ParticipantSelf([property: Id(0)] string ParticipantId, [property: Id(1)] bool IsCoach);

/// <summary>What is the caller's own: ballots, dots (their dots left are the budget minus these), upvoted questions.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopMine(
    [property: Id(0)] MyBallot[] Ballots,
    [property: Id(1)] MyDots[] Dots,
    [property: Id(2)] string[] Upvoted)
{
    public static WorkshopMine Nothing { get; } = new([], [], []);
}

/// <summary>The caller's ballot on one poll: option indexes (choice polls) or words (open polls).</summary>
[GenerateSerializer, Immutable]
public sealed record MyBallot([property: Id(0)] string PollId, [property: Id(1)] int[] Choices, [property: Id(2)] string[] Words);

[GenerateSerializer, Immutable]
public sealed record MyDots([property: Id(0)] string NoteId, [property: Id(1)] int Count);

/// <summary>
/// The shared timer. Running: every client counts down to <see cref="EndsAt"/> (a UTC instant held by the server).
/// Paused: <see cref="RemainingMs"/> is frozen. <see cref="ServerNow"/> lets a client correct its own clock's offset.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TimerView(
    [property: Id(0)] bool Running,
    [property: Id(1)] DateTimeOffset? EndsAt,
    [property: Id(2)] long RemainingMs,
    [property: Id(3)] long DurationMs,
    [property: Id(4)] DateTimeOffset ServerNow);

/// <param name="Voters">Ballots cast (always shown).</param>
/// <param name="Results">Null while hidden from this caller.</param>
[GenerateSerializer, Immutable]
public sealed record PollView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Question,
    [property: Id(2)] PollKind Kind,
    [property: Id(3)] string[] Options,
    [property: Id(4)] PollStatus Status,
    [property: Id(5)] bool ResultsVisible,
    [property: Id(6)] int Voters,
    [property: Id(7)] PollResults? Results);

/// <param name="Counts">Ballots per option, in option order (choice polls).</param>
/// <param name="Words">The most frequent words with how many ballots hold each, most frequent first (open polls: the word cloud).</param>
[GenerateSerializer, Immutable]
public sealed record PollResults([property: Id(0)] int[] Counts, [property: Id(1)] WordCount[] Words);

[GenerateSerializer, Immutable]
public sealed record WordCount([property: Id(0)] string Word, [property: Id(1)] int Count);

[GenerateSerializer, Immutable]
public sealed record BoardColumnView([property: Id(0)] string Id, [property: Id(1)] string Title);

/// <param name="AuthorName">Null when posted in anonymous mode.</param>
/// <param name="Group">The cluster the note is in, within its column (null: none).</param>
/// <param name="Dots">Every participant's dots on it (the caller's are in <see cref="WorkshopView.Mine"/>).</param>
[GenerateSerializer, Immutable]
public sealed record NoteView(
    [property: Id(0)] string Id,
    [property: Id(1)] string ColumnId,
    [property: Id(2)] string Text,
    [property: Id(3)] string? AuthorName,
    [property: Id(4)] string? Group,
    [property: Id(5)] int Dots);

/// <summary>A question of the Q&amp;A.</summary>
/// <param name="AuthorName">Null when asked in anonymous mode.</param>
[GenerateSerializer, Immutable]
public sealed record QuestionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string? AuthorName,
    [property: Id(3)] DateTimeOffset AskedAt,
    [property: Id(4)] int Upvotes,
    [property: Id(5)] bool Answered);

[GenerateSerializer, Immutable]
public sealed record ReactionCount([property: Id(0)] Reaction Reaction, [property: Id(1)] int Count);

[GenerateSerializer, Immutable]
public sealed record HandView([property: Id(0)] string ParticipantId, [property: Id(1)] string DisplayName, [property: Id(2)] DateTimeOffset RaisedAt);

/// <summary>One stay in the session: from a join to the matching leave (null while still there).</summary>
[GenerateSerializer, Immutable]
public sealed record AttendanceView(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] bool Guest,
    [property: Id(3)] DateTimeOffset JoinedAt,
    [property: Id(4)] DateTimeOffset? LeftAt);

/// <summary>A guest let in by the code (coaches see them, to remove one).</summary>
[GenerateSerializer, Immutable]
public sealed record GuestView([property: Id(0)] string ParticipantId, [property: Id(1)] string DisplayName, [property: Id(2)] DateTimeOffset AdmittedAt);
