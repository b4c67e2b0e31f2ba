namespace Kaolack.Contracts.Workshops;

/// <summary>
/// What a workshop is prepared with, without its date, people or anything of a session: what "duplicate" copies and a
/// template keeps. A workshop started from one gets its polls (as drafts) and board columns.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopOutline(
    [property: Id(0)] string Title,
    [property: Id(1)] string Description,
    [property: Id(2)] int DurationMinutes,
    [property: Id(3)] AgendaItem[] Agenda,
    [property: Id(4)] bool Anonymous,
    [property: Id(5)] PreparedPoll[] Polls,
    [property: Id(6)] string[] Columns);

/// <summary>A poll prepared in advance (options are empty for an open question).</summary>
[GenerateSerializer, Immutable]
public sealed record PreparedPoll([property: Id(0)] string Question, [property: Id(1)] PollKind Kind, [property: Id(2)] string[] Options);

/// <summary>A saved outline coaches start workshops from; its creator's name is shown, never their e-mail.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] WorkshopOutline Outline,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] string CreatorName,
    [property: Id(5)] DateTimeOffset CreatedAt);
