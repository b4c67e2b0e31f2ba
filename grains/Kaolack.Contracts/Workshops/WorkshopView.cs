using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Workshops;

/// <summary>
/// A workshop as one caller sees it: details, and the whole live session (current item, timer, polls, board, hand
/// queue, attendance). Every live event on "workshop:{id}" carries one, so a client never needs a second read.
/// Shaped per caller: the join code only for coaches, poll results only for coaches while hidden, and the caller's
/// own ballots and dots.
/// </summary>
/// <param name="You">The caller's participant id (account e-mail or guest id), and whether they coach it.</param>
/// <param name="Gathered">Goes up each time the coach brings everyone to <see cref="CurrentItem"/>.</param>
/// <param name="NotesDocument">The key of the shared notes' plan document: topic "plan:{key}", hub SubmitPlanOp(key, …).</param>
[GenerateSerializer, Immutable]
public sealed record WorkshopView(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] WorkshopDetails Details,
    [property: Id(2)] string? JoinCode,
    [property: Id(3)] WorkshopPhase Phase,
    [property: Id(4)] int CurrentItem,
    [property: Id(5)] int Gathered,
    [property: Id(6)] TimerView Timer,
    [property: Id(7)] PollView[] Polls,
    [property: Id(8)] BoardColumnView[] Columns,
    [property: Id(9)] NoteView[] Notes,
    [property: Id(10)] int DotBudget,
    [property: Id(11)] int MyDotsLeft,
    [property: Id(12)] HandView[] Hands,
    [property: Id(13)] HandView? Speaking,
    [property: Id(14)] AttendanceView[] Attendance,
    [property: Id(15)] ParticipantSelf You,
    [property: Id(16)] DateTimeOffset? StartedAt,
    [property: Id(17)] DateTimeOffset? EndedAt,
    [property: Id(18)] string NotesDocument);

[GenerateSerializer, Immutable]
public sealed record ParticipantSelf([property: Id(0)] string ParticipantId, [property: Id(1)] bool IsCoach);

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

/// <param name="Results">Null while hidden from this caller.</param>
/// <param name="MyChoices">The caller's ballot on a choice poll (null: no vote).</param>
/// <param name="MyWords">The caller's ballot on an open poll (null: no vote).</param>
[GenerateSerializer, Immutable]
public sealed record PollView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Question,
    [property: Id(2)] PollKind Kind,
    [property: Id(3)] string[] Options,
    [property: Id(4)] PollStatus Status,
    [property: Id(5)] bool ResultsVisible,
    [property: Id(6)] int Voters,
    [property: Id(7)] PollResults? Results,
    [property: Id(8)] int[]? MyChoices,
    [property: Id(9)] string[]? MyWords);

/// <param name="Counts">Ballots per option, in option order (choice polls).</param>
/// <param name="Words">Each word with how many ballots hold it, most frequent first (open polls).</param>
[GenerateSerializer, Immutable]
public sealed record PollResults([property: Id(0)] int[] Counts, [property: Id(1)] WordCount[] Words);

[GenerateSerializer, Immutable]
public sealed record WordCount([property: Id(0)] string Word, [property: Id(1)] int Count);

[GenerateSerializer, Immutable]
public sealed record BoardColumnView([property: Id(0)] string Id, [property: Id(1)] string Title);

/// <param name="Dots">Every participant's dots on it; <paramref name="MyDots"/> the caller's.</param>
[GenerateSerializer, Immutable]
public sealed record NoteView(
    [property: Id(0)] string Id,
    [property: Id(1)] string ColumnId,
    [property: Id(2)] string Text,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] string? Group,
    [property: Id(5)] int Dots,
    [property: Id(6)] int MyDots);

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
