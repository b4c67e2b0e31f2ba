using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Projects;

/// <summary>A contribution received by a project, as submitted.</summary>
[GenerateSerializer, Immutable]
public sealed record ContributionInput
{
    /// <summary>Who gave it: a partner's name, a funder, a municipality…</summary>
    [Id(0)] public string From { get; init; } = "";
    [Id(1)] public Money Amount { get; init; } = new(0, Currency.Xof);
    [Id(2)] public DateOnly ReceivedOn { get; init; }
    [Id(3)] public string Note { get; init; } = "";
}
