using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Organisations;

/// <summary>The editable profile of an organisation of any kind other than a cooperative or a diaspora group.</summary>
[GenerateSerializer, Immutable]
public sealed record OrganisationProfile
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public OrganisationKind Kind { get; init; }
    [Id(2)] public Region Region { get; init; }
    /// <summary>Commune or city.</summary>
    [Id(3)] public string Place { get; init; } = "";
    /// <summary>Sectors of activity, spelled like value chains so one filter serves every kind.</summary>
    [Id(4)] public string[] Sectors { get; init; } = [];
    /// <summary>What it can bring to the other region (services, training, skills, funding…).</summary>
    [Id(5)] public string[] Offers { get; init; } = [];
    /// <summary>What it looks for in the other region.</summary>
    [Id(6)] public string[] Needs { get; init; } = [];
    /// <summary>Shown only to whoever may write on the platform and to its members (never to read-only partners).</summary>
    [Id(7)] public Contact Contact { get; init; } = new();
    /// <summary>Language codes ("fr", "ar", "wo"…).</summary>
    [Id(8)] public string[] Languages { get; init; } = [];
    [Id(9)] public string Description { get; init; } = "";
}
