using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Workshops;

/// <summary>
/// One live-session command, sent over the hub as <c>{"type": "…", …}</c> (the type first). Coach commands are refused
/// ("forbidden") for anyone but the workshop's coaches and admins; the others are for participants (accounts that may
/// write, and the workshop's guests). Ids of polls, columns and notes are chosen by the client (letters, digits, - and _).
/// </summary>
[GenerateSerializer, Immutable]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(JoinSession), "join")]
[JsonDerivedType(typeof(LeaveSession), "leave")]
[JsonDerivedType(typeof(StartSession), "start")]
[JsonDerivedType(typeof(EndSession), "end")]
[JsonDerivedType(typeof(NextItem), "next-item")]
[JsonDerivedType(typeof(PreviousItem), "previous-item")]
[JsonDerivedType(typeof(BringEveryoneTo), "bring-everyone")]
[JsonDerivedType(typeof(StartTimer), "timer-start")]
[JsonDerivedType(typeof(PauseTimer), "timer-pause")]
[JsonDerivedType(typeof(ResumeTimer), "timer-resume")]
[JsonDerivedType(typeof(ExtendTimer), "timer-extend")]
[JsonDerivedType(typeof(CreatePoll), "poll-create")]
[JsonDerivedType(typeof(OpenPoll), "poll-open")]
[JsonDerivedType(typeof(ClosePoll), "poll-close")]
[JsonDerivedType(typeof(ShowPollResults), "poll-results")]
[JsonDerivedType(typeof(Vote), "vote")]
[JsonDerivedType(typeof(AddColumn), "column-add")]
[JsonDerivedType(typeof(AddNote), "note-add")]
[JsonDerivedType(typeof(MoveNote), "note-move")]
[JsonDerivedType(typeof(GroupNote), "note-group")]
[JsonDerivedType(typeof(MergeNote), "note-merge")]
[JsonDerivedType(typeof(SetDotBudget), "dot-budget")]
[JsonDerivedType(typeof(AddDot), "dot-add")]
[JsonDerivedType(typeof(RemoveDot), "dot-remove")]
[JsonDerivedType(typeof(RaiseHand), "hand-raise")]
[JsonDerivedType(typeof(LowerHand), "hand-lower")]
[JsonDerivedType(typeof(CallNextHand), "hand-next")]
[JsonDerivedType(typeof(DeleteNote), "note-delete")]
[JsonDerivedType(typeof(AskQuestion), "question-ask")]
[JsonDerivedType(typeof(UpvoteQuestion), "question-upvote")]
[JsonDerivedType(typeof(MarkQuestionAnswered), "question-answered")]
[JsonDerivedType(typeof(DeleteQuestion), "question-delete")]
[JsonDerivedType(typeof(React), "react")]
[JsonDerivedType(typeof(RemoveGuest), "guest-remove")]
public abstract record WorkshopCommand
{
    /// <summary>Commands any participant may send; every other one is for coaches.</summary>
    public static bool IsParticipantCommand(WorkshopCommand command) =>
        command is JoinSession or LeaveSession or Vote or AddNote or AddDot or RemoveDot or RaiseHand or LowerHand
            or AskQuestion or UpvoteQuestion or React;
}

/// <summary>Marks the sender present (attendance); every participant sends it when opening the session.</summary>
[GenerateSerializer, Immutable]
public sealed record JoinSession : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record LeaveSession : WorkshopCommand;

/// <summary>Goes live on the first agenda item.</summary>
[GenerateSerializer, Immutable]
public sealed record StartSession : WorkshopCommand;

/// <summary>Ends the session: polls close, the timer stops, attendance closes, the summary goes to the linked project.</summary>
[GenerateSerializer, Immutable]
public sealed record EndSession : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record NextItem : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record PreviousItem : WorkshopCommand;

/// <summary>Moves the session to agenda item <paramref name="Index"/> and asks every client to show it.</summary>
[GenerateSerializer, Immutable]
public sealed record BringEveryoneTo([property: Id(0)] int Index) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record StartTimer([property: Id(0)] int Seconds) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record PauseTimer : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record ResumeTimer : WorkshopCommand;

/// <summary>Adds (or, negative, removes) time on the running or paused timer; it never goes below zero.</summary>
[GenerateSerializer, Immutable]
public sealed record ExtendTimer([property: Id(0)] int Seconds) : WorkshopCommand;

/// <summary>A poll in draft; options are required for single and multiple choice, none for open answers.</summary>
[GenerateSerializer, Immutable]
public sealed record CreatePoll(
    [property: Id(0)] string PollId,
    [property: Id(1)] string Question,
    [property: Id(2)] PollKind Kind,
    [property: Id(3)] string[] Options) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record OpenPoll([property: Id(0)] string PollId) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record ClosePoll([property: Id(0)] string PollId) : WorkshopCommand;

/// <summary>Reveals (true) or hides (false) the results from participants; coaches always see them.</summary>
[GenerateSerializer, Immutable]
public sealed record ShowPollResults([property: Id(0)] string PollId, [property: Id(1)] bool Visible) : WorkshopCommand;

/// <summary>
/// The sender's ballot, replacing any earlier one while the poll is open: <paramref name="Choices"/> (option indexes)
/// for choice polls, <paramref name="Words"/> for open ones.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Vote(
    [property: Id(0)] string PollId,
    [property: Id(1)] int[]? Choices = null,
    [property: Id(2)] string[]? Words = null) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record AddColumn([property: Id(0)] string ColumnId, [property: Id(1)] string Title) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record AddNote([property: Id(0)] string NoteId, [property: Id(1)] string ColumnId, [property: Id(2)] string Text) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record MoveNote([property: Id(0)] string NoteId, [property: Id(1)] string ColumnId) : WorkshopCommand;

/// <summary>Puts the note in a named group (null takes it out).</summary>
[GenerateSerializer, Immutable]
public sealed record GroupNote([property: Id(0)] string NoteId, [property: Id(1)] string? Group) : WorkshopCommand;

/// <summary>Folds <paramref name="NoteId"/> into <paramref name="IntoNoteId"/>: texts joined, dots carried over.</summary>
[GenerateSerializer, Immutable]
public sealed record MergeNote([property: Id(0)] string NoteId, [property: Id(1)] string IntoNoteId) : WorkshopCommand;

/// <summary>Dots each participant may place on notes (0 closes dot voting; dots already placed beyond it stay).</summary>
[GenerateSerializer, Immutable]
public sealed record SetDotBudget([property: Id(0)] int PerPerson) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record AddDot([property: Id(0)] string NoteId) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record RemoveDot([property: Id(0)] string NoteId) : WorkshopCommand;

[GenerateSerializer, Immutable]
public sealed record RaiseHand : WorkshopCommand;

/// <summary>Lowers the sender's own hand; a coach may name another participant.</summary>
[GenerateSerializer, Immutable]
public sealed record LowerHand([property: Id(0)] string? ParticipantId = null) : WorkshopCommand;

/// <summary>Gives the floor to the first raised hand (it leaves the queue).</summary>
[GenerateSerializer, Immutable]
public sealed record CallNextHand : WorkshopCommand;

/// <summary>Takes a note off the board (with its dots): moderation.</summary>
[GenerateSerializer, Immutable]
public sealed record DeleteNote([property: Id(0)] string NoteId) : WorkshopCommand;

/// <summary>A question for the Q&amp;A, anonymous when the workshop is (<see cref="WorkshopDetails.Anonymous"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record AskQuestion([property: Id(0)] string QuestionId, [property: Id(1)] string Text) : WorkshopCommand;

/// <summary>The sender's one upvote on a question (<paramref name="Up"/> false takes it back).</summary>
[GenerateSerializer, Immutable]
public sealed record UpvoteQuestion([property: Id(0)] string QuestionId, [property: Id(1)] bool Up) : WorkshopCommand;

/// <summary>Marks a question answered (or not any more).</summary>
[GenerateSerializer, Immutable]
public sealed record MarkQuestionAnswered([property: Id(0)] string QuestionId, [property: Id(1)] bool Answered) : WorkshopCommand;

/// <summary>Takes a question off the Q&amp;A: moderation.</summary>
[GenerateSerializer, Immutable]
public sealed record DeleteQuestion([property: Id(0)] string QuestionId) : WorkshopCommand;

/// <summary>A reaction shown to everyone (the presenter view floats it) and counted.</summary>
[GenerateSerializer, Immutable]
public sealed record React([property: Id(0)] Reaction Reaction) : WorkshopCommand;

/// <summary>
/// Removes a guest: their session ends, their connections stop receiving the workshop, and their votes, dots, upvotes and
/// raised hand go (their notes and questions stay, for the coach to delete one by one).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RemoveGuest([property: Id(0)] string ParticipantId) : WorkshopCommand;
