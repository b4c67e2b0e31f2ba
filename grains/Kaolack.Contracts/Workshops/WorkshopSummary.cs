namespace Kaolack.Contracts.Workshops;

/// <summary>
/// What a session leaves, for people: the printable page (GET /api/workshops/{id}/summary), and the Markdown and CSV
/// exports made from the same data. Names, never e-mails; the linked project by its title; dates as UTC instants (the page
/// and the exports show them for Dakar and Oujda); no author of anything posted anonymously.
/// </summary>
/// <param name="Project">The linked project, when the reader may read it.</param>
/// <param name="People">Everyone who came, once each, by first arrival.</param>
/// <param name="Board">Each column with its notes, most dotted first.</param>
/// <param name="Questions">Most upvoted first.</param>
/// <param name="Notes">The shared notes' sections, in order.</param>
[GenerateSerializer, Immutable]
public sealed record WorkshopSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] int DurationMinutes,
    [property: Id(5)] WorkshopPhase Phase,
    [property: Id(6)] DateTimeOffset? StartedAt,
    [property: Id(7)] DateTimeOffset? EndedAt,
    [property: Id(8)] string[] Coaches,
    [property: Id(9)] SummaryProject? Project,
    [property: Id(10)] bool Anonymous,
    [property: Id(11)] AgendaItem[] Agenda,
    [property: Id(12)] SummaryPerson[] People,
    [property: Id(13)] SummaryPoll[] Polls,
    [property: Id(14)] SummaryColumn[] Board,
    [property: Id(15)] SummaryQuestion[] Questions,
    [property: Id(16)] ReactionCount[] Reactions,
    [property: Id(17)] SummarySection[] Notes);

[GenerateSerializer, Immutable]
public sealed record SummaryProject([property: Id(0)] string Slug, [property: Id(1)] string Title);

/// <param name="LeftAt">When they last left (null: still there, or the session never ended).</param>
/// <param name="Minutes">Time present, all their stays together.</param>
[GenerateSerializer, Immutable]
public sealed record SummaryPerson(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Guest,
    [property: Id(2)] DateTimeOffset ArrivedAt,
    [property: Id(3)] DateTimeOffset? LeftAt,
    [property: Id(4)] int Minutes);

/// <param name="Rows">Each option with its ballots (choice polls), or each word (open polls), most frequent first.</param>
[GenerateSerializer, Immutable]
public sealed record SummaryPoll(
    [property: Id(0)] string Question,
    [property: Id(1)] PollKind Kind,
    [property: Id(2)] PollStatus Status,
    [property: Id(3)] int Voters,
    [property: Id(4)] SummaryRow[] Rows);

[GenerateSerializer, Immutable]
public sealed record SummaryRow([property: Id(0)] string Label, [property: Id(1)] int Count);

[GenerateSerializer, Immutable]
public sealed record SummaryColumn([property: Id(0)] string Title, [property: Id(1)] SummaryNote[] Notes);

/// <param name="Author">Null when posted anonymously.</param>
/// <param name="Group">The cluster it was put in, if any.</param>
[GenerateSerializer, Immutable]
public sealed record SummaryNote([property: Id(0)] string Text, [property: Id(1)] string? Author, [property: Id(2)] string? Group, [property: Id(3)] int Dots);

[GenerateSerializer, Immutable]
public sealed record SummaryQuestion([property: Id(0)] string Text, [property: Id(1)] string? Author, [property: Id(2)] int Upvotes, [property: Id(3)] bool Answered);

[GenerateSerializer, Immutable]
public sealed record SummarySection([property: Id(0)] string Heading, [property: Id(1)] string Body);
