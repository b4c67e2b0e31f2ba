namespace Kaolack.Contracts.Workshops;

/// <summary>What a coach writes when creating or editing a workshop (REST body).</summary>
/// <param name="StartsAt">A UTC instant; clients show it for Dakar (UTC+0) and Oujda (UTC+1).</param>
/// <param name="Coaches">Further coaches' account ids (e-mails); the creator is always a coach.</param>
/// <param name="ProjectSlug">The joint project whose activity receives the summary when the session ends.</param>
/// <param name="Anonymous">Notes and questions posted while it is on carry no author, for anyone (the coaches and the summary included).</param>
[GenerateSerializer, Immutable]
public sealed record WorkshopDetails
{
    [Id(0)] public required string Title { get; init; }
    [Id(1)] public string Description { get; init; } = "";
    [Id(2)] public string? ProjectSlug { get; init; }
    [Id(3)] public required DateTimeOffset StartsAt { get; init; }
    [Id(4)] public required int DurationMinutes { get; init; }
    [Id(5)] public AgendaItem[] Agenda { get; init; } = [];
    [Id(6)] public string[] Coaches { get; init; } = [];
    [Id(7)] public bool Anonymous { get; init; }
}
