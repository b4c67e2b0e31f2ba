using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Diaspora;

/// <summary>The editable profile of a diaspora group of Kaolack or the Oriental living abroad.</summary>
[GenerateSerializer, Immutable]
public sealed record DiasporaGroupProfile
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public Region OriginRegion { get; init; }
    /// <summary>Country of residence, as a name (e.g. "France", "Espagne").</summary>
    [Id(2)] public string Country { get; init; } = "";
    [Id(3)] public string City { get; init; } = "";
    [Id(4)] public int MemberCount { get; init; }
    [Id(5)] public string[] Skills { get; init; } = [];
    [Id(6)] public string[] InterestAreas { get; init; } = [];
    [Id(7)] public Pledge[] Pledges { get; init; } = [];
    [Id(8)] public Contact Contact { get; init; } = new();
    [Id(9)] public string Description { get; init; } = "";
}
