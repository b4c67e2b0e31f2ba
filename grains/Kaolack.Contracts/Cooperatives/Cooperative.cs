using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Cooperatives;

/// <summary>A cooperative as read at one version.</summary>
[GenerateSerializer, Immutable]
public sealed record Cooperative(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] CooperativeProfile Profile);
