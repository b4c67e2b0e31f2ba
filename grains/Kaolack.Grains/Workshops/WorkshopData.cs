using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>Everything a workshop holds, as persisted: details, code, and the live session.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.workshop-data.v1")]
public sealed record WorkshopData
{
    [Id(0)] public required WorkshopDetails Details { get; init; }
    [Id(1)] public required string JoinCode { get; init; }
    [Id(2)] public WorkshopPhase Phase { get; init; }
    [Id(3)] public int CurrentItem { get; init; }
    [Id(4)] public int Gathered { get; init; }
    [Id(5)] public SessionTimer Timer { get; init; } = SessionTimer.Idle;
    [Id(6)] public Poll[] Polls { get; init; } = [];
    [Id(7)] public BoardColumn[] Columns { get; init; } = [];
    [Id(8)] public StickyNote[] Notes { get; init; } = [];
    [Id(9)] public int DotBudget { get; init; }
    [Id(10)] public Dot[] Dots { get; init; } = [];
    [Id(11)] public RaisedHand[] Hands { get; init; } = [];
    [Id(12)] public RaisedHand? Speaking { get; init; }
    [Id(13)] public Stay[] Attendance { get; init; } = [];
    [Id(14)] public Guest[] Guests { get; init; } = [];
    [Id(15)] public DateTimeOffset? StartedAt { get; init; }
    [Id(16)] public DateTimeOffset? EndedAt { get; init; }
    [Id(17)] public Question[] Questions { get; init; } = [];

    /// <summary>How many of each <see cref="Contracts.Workshops.Reaction"/> were sent, by its value (shorter when none of the later ones were).</summary>
    [Id(18)] public int[] Reactions { get; init; } = [];

    /// <summary>Guests a coach removed: their sessions have ended, and what they still receive on an open connection is nothing.</summary>
    [Id(19)] public string[] RemovedGuests { get; init; } = [];

    /// <summary>The coaches' display names, in the order of <see cref="WorkshopDetails.Coaches"/>, read when the details are written.</summary>
    [Id(20)] public string[] CoachNames { get; init; } = [];
}

/// <summary>Running: <see cref="EndsAt"/> is the instant every client counts down to. Paused: <see cref="Remaining"/> is kept.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionTimer(
    [property: Id(0)] DateTimeOffset? EndsAt,
    [property: Id(1)] TimeSpan Remaining,
    [property: Id(2)] TimeSpan Duration)
{
    public static SessionTimer Idle { get; } = new(null, TimeSpan.Zero, TimeSpan.Zero);

    public bool Running => EndsAt is not null;
}

[GenerateSerializer, Immutable]
public sealed record Poll(
    [property: Id(0)] string Id,
    [property: Id(1)] string Question,
    [property: Id(2)] PollKind Kind,
    [property: Id(3)] string[] Options,
    [property: Id(4)] PollStatus Status,
    [property: Id(5)] bool ResultsVisible,
    [property: Id(6)] Ballot[] Ballots);

/// <summary>One participant's vote on one poll: option indexes, or words for an open poll.</summary>
[GenerateSerializer, Immutable]
public sealed record Ballot([property: Id(0)] string ParticipantId, [property: Id(1)] int[] Choices, [property: Id(2)] string[] Words);

[GenerateSerializer, Immutable]
public sealed record BoardColumn([property: Id(0)] string Id, [property: Id(1)] string Title);

/// <param name="AuthorName">Null when posted in anonymous mode: the author is kept only to know whose it is, never shown.</param>
[GenerateSerializer, Immutable]
public sealed record StickyNote(
    [property: Id(0)] string Id,
    [property: Id(1)] string ColumnId,
    [property: Id(2)] string Text,
    [property: Id(3)] string AuthorId,
    [property: Id(4)] string? AuthorName,
    [property: Id(5)] string? Group);

/// <summary>A question of the Q&amp;A: its upvoters (each once) and whether a coach marked it answered.</summary>
/// <param name="AuthorName">Null when asked in anonymous mode.</param>
[GenerateSerializer, Immutable]
public sealed record Question(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string AuthorId,
    [property: Id(3)] string? AuthorName,
    [property: Id(4)] DateTimeOffset AskedAt,
    [property: Id(5)] string[] Upvoters,
    [property: Id(6)] bool Answered);

/// <summary><see cref="Count"/> dots of one participant on one note.</summary>
[GenerateSerializer, Immutable]
public sealed record Dot([property: Id(0)] string NoteId, [property: Id(1)] string ParticipantId, [property: Id(2)] int Count);

[GenerateSerializer, Immutable]
public sealed record RaisedHand([property: Id(0)] string ParticipantId, [property: Id(1)] string DisplayName, [property: Id(2)] DateTimeOffset RaisedAt);

[GenerateSerializer, Immutable]
public sealed record Stay(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] bool Guest,
    [property: Id(3)] DateTimeOffset JoinedAt,
    [property: Id(4)] DateTimeOffset? LeftAt);

[GenerateSerializer, Immutable]
public sealed record Guest([property: Id(0)] string Id, [property: Id(1)] string DisplayName, [property: Id(2)] DateTimeOffset AdmittedAt);
