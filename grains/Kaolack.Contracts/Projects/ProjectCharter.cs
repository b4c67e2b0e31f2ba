using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Projects;

/// <summary>The editable description of a joint project. Status, partners and contributions change through their own operations.</summary>
[GenerateSerializer, Immutable]
public sealed record ProjectCharter
{
    [Id(0)] public string Title { get; init; } = "";
    [Id(1)] public string Summary { get; init; } = "";
    /// <summary>Sustainable Development Goals, 1 to 17.</summary>
    [Id(2)] public int[] SdgTags { get; init; } = [];
    [Id(3)] public DateOnly? StartDate { get; init; }
    [Id(4)] public DateOnly? EndDate { get; init; }
    [Id(5)] public Money? Budget { get; init; }
    [Id(6)] public string[] ValueChains { get; init; } = [];
}
