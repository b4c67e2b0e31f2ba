using System.Text.Json.Serialization;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Directory;

/// <summary>The summary of one cooperative, diaspora group or project, as listed and searched.</summary>
[GenerateSerializer, Immutable]
public sealed record DirectoryEntry
{
    [Id(0)] public EntityKind Kind { get; init; }
    [Id(1)] public string Slug { get; init; } = "";
    [Id(2)] public string Name { get; init; } = "";
    /// <summary>A cooperative's region, a diaspora group's origin region, or the regions of a project's partners.</summary>
    [Id(3)] public Region[] Regions { get; init; } = [];
    /// <summary>Commune for a cooperative, "city, country" for a diaspora group, empty for a project.</summary>
    [Id(4)] public string Place { get; init; } = "";
    [Id(5)] public string[] ValueChains { get; init; } = [];
    [Id(6)] public ProjectStatus? Status { get; init; }
    [Id(7)] public string Summary { get; init; } = "";
    /// <summary>Further words that free-text search matches (products, skills, needs, partners…).</summary>
    [Id(8)] public string[] Keywords { get; init; } = [];
    [Id(9)] public long Version { get; init; }
    [Id(10)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Who may see the entry besides admins, coaches and partners: a project's members. Null means
    /// every signed-in user. Never sent to clients.
    /// </summary>
    [Id(11), JsonIgnore] public string[]? Readers { get; init; }
}
