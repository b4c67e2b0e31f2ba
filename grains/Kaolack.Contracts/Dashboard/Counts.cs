using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Dashboard;

[GenerateSerializer, Immutable]
public sealed record StatusCount([property: Id(0)] ProjectStatus Status, [property: Id(1)] int Count);

[GenerateSerializer, Immutable]
public sealed record RegionPairCount([property: Id(0)] RegionPair RegionPair, [property: Id(1)] int Count);

/// <summary>A count under a free-text name: a value chain, a capacity-building theme.</summary>
[GenerateSerializer, Immutable]
public sealed record NamedCount([property: Id(0)] string Name, [property: Id(1)] int Count);

/// <summary>Distinct organisations of a region that are partners of at least one project.</summary>
[GenerateSerializer, Immutable]
public sealed record RegionEngagement(
    [property: Id(0)] Region Region,
    [property: Id(1)] int Cooperatives,
    [property: Id(2)] int DiasporaGroups);

[GenerateSerializer, Immutable]
public sealed record FairYearCount([property: Id(0)] int Year, [property: Id(1)] Fair Fair, [property: Id(2)] int Count);
