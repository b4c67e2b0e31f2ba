namespace Kaolack.Contracts.Dashboard;

/// <summary>What a dashboard needs of a plan milestone: no notes, no texts.</summary>
[GenerateSerializer, Immutable]
public sealed record MilestoneFact(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly? DueDate,
    [property: Id(3)] bool Done);
