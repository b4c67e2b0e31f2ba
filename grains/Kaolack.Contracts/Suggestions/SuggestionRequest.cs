using Kaolack.Contracts.Common;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Suggestions;

/// <summary>
/// What a cooperative or a project looks for, as its grain describes it to each directory, which answers with its
/// best candidates. Built by the subject's grain from its own state, never from client input.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SuggestionRequest
{
    /// <summary><see cref="EntityKind.Cooperative"/> or <see cref="EntityKind.Project"/>.</summary>
    [Id(0)] public EntityKind SubjectKind { get; init; }
    [Id(1)] public string SubjectSlug { get; init; } = "";
    /// <summary>A cooperative's region; the regions a project's partners already cover.</summary>
    [Id(2)] public Region[] Regions { get; init; } = [];
    [Id(3)] public string[] ValueChains { get; init; } = [];
    /// <summary>Capacity-building needs: a cooperative's own, or those of a project's partner cooperatives.</summary>
    [Id(4)] public string[] Needs { get; init; } = [];
    /// <summary>Organisations never suggested: a project's partners.</summary>
    [Id(5)] public PartnerRef[] Excluded { get; init; } = [];
    [Id(6)] public int Limit { get; init; }
}
