using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Diaspora;

/// <summary>A promise of support to a joint project: money, or in kind (equipment, expertise, travel…).</summary>
[GenerateSerializer, Immutable]
public sealed record Pledge
{
    [Id(0)] public PledgeKind Kind { get; init; }
    /// <summary>Required for money pledges; an optional estimate for pledges in kind.</summary>
    [Id(1)] public Money? Value { get; init; }
    [Id(2)] public string Description { get; init; } = "";
    /// <summary>Slug of the joint project the pledge goes to.</summary>
    [Id(3)] public string ProjectSlug { get; init; } = "";
    [Id(4)] public bool Received { get; init; }
}
