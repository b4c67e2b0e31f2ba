using System.Text.Json.Serialization;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Exchanges;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Directory;

/// <summary>The summary of one cooperative, diaspora group, project or other organisation, as listed and searched.</summary>
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

    /// <summary>A cooperative's capacity-building needs (what partner suggestions match diaspora skills with).</summary>
    [Id(12)] public string[] CapacityNeeds { get; init; } = [];

    /// <summary>A diaspora group's skills.</summary>
    [Id(13)] public string[] Skills { get; init; } = [];

    /// <summary>A diaspora group's interest areas.</summary>
    [Id(14)] public string[] InterestAreas { get; init; } = [];

    /// <summary>
    /// Which fields the summary carries (<see cref="CurrentFormat"/> when written by this code; 0 when stored before
    /// formats were counted). The directory replaces an entry of the same version written in an older format, so
    /// summaries gain new fields when their entity re-publishes, without giving up idempotence by version.
    /// </summary>
    [Id(15), JsonIgnore] public int Format { get; init; }

    /// <summary>A cooperative's legal form (null for other kinds), for the directory's legal-form filter.</summary>
    [Id(16), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LegalForm? LegalForm { get; init; }

    /// <summary>
    /// An organisation's kind (null for other kinds), for the directory's organisation-kind filter. Written since the
    /// first organisation, so it needs no format of its own.
    /// </summary>
    [Id(17), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OrganisationKind? OrganisationKind { get; init; }

    /// <summary>An offer's or a need's kind, category, status and organisation (null for other kinds), for filters and matching.</summary>
    [Id(18), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ExchangeFacts? Exchange { get; init; }

    /// <summary>1: needs, skills and interest areas as fields of their own. 2: a cooperative's legal form.</summary>
    public const int CurrentFormat = 2;
}
