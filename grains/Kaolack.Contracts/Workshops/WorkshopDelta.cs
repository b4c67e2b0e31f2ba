using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Workshops;

/// <summary>
/// What one stored change of a workshop changed, as one caller may see it: the data of its "workshop:{id}" events between
/// snapshots. Only members that changed are set (the others are left out of the JSON). Items are sent whole when added or
/// changed (keyed by id; new ones go last), counts alone when only the counts moved (a vote, a dot, an upvote), so a vote
/// costs each phone a few hundred bytes, not the whole session. <see cref="WorkshopDeltas.Apply"/> applies one to a
/// <see cref="WorkshopView"/>; a client that misses a version catches up by version or gets a snapshot.
/// </summary>
/// <param name="Tallies">Polls whose ballots alone changed: voters, and the results when this caller sees them.</param>
/// <param name="Dots">Notes whose dot count alone changed.</param>
/// <param name="Upvotes">Questions whose upvotes alone changed.</param>
/// <param name="Attendance">Stays added or closed (coaches only), keyed by participant and arrival.</param>
/// <param name="Mine">The caller's own part, whole, when it changed.</param>
[GenerateSerializer, Immutable]
public sealed record WorkshopDelta
{
    [Id(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WorkshopPhase? Phase { get; init; }
    [Id(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? CurrentItem { get; init; }
    [Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Gathered { get; init; }
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TimerView? Timer { get; init; }
    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? StartedAt { get; init; }
    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? EndedAt { get; init; }
    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? DotBudget { get; init; }
    [Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PollView[]? Polls { get; init; }
    [Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PollTally[]? Tallies { get; init; }
    [Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public BoardColumnView[]? Columns { get; init; }
    [Id(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NoteView[]? Notes { get; init; }
    [Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string[]? RemovedNotes { get; init; }
    [Id(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NoteDots[]? Dots { get; init; }
    [Id(13), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public QuestionView[]? Questions { get; init; }
    [Id(14), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string[]? RemovedQuestions { get; init; }
    [Id(15), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public QuestionUpvotes[]? Upvotes { get; init; }
    [Id(16), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ReactionCount[]? Reactions { get; init; }
    [Id(17), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HandQueue? Hands { get; init; }
    [Id(18), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Present { get; init; }
    [Id(19), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public AttendanceView[]? Attendance { get; init; }
    [Id(20), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public GuestView[]? Guests { get; init; }
    [Id(21), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string[]? RemovedGuests { get; init; }
    [Id(22), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WorkshopMine? Mine { get; init; }
}

/// <param name="Results">Null while hidden from this caller.</param>
[GenerateSerializer, Immutable]
public sealed record PollTally([property: Id(0)] string PollId, [property: Id(1)] int Voters, [property: Id(2)] PollResults? Results);

[GenerateSerializer, Immutable]
public sealed record NoteDots([property: Id(0)] string NoteId, [property: Id(1)] int Dots);

[GenerateSerializer, Immutable]
public sealed record QuestionUpvotes([property: Id(0)] string QuestionId, [property: Id(1)] int Upvotes);

/// <summary>The hand queue and who has the floor, sent together whenever either changes.</summary>
[GenerateSerializer, Immutable]
public sealed record HandQueue([property: Id(0)] HandView[] Hands, [property: Id(1)] HandView? Speaking);
