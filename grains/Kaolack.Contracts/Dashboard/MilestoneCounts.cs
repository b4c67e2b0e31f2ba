namespace Kaolack.Contracts.Dashboard;

/// <param name="OnTrack">Not done, due today or later (or without a due date).</param>
/// <param name="Late">Not done and due before today.</param>
[GenerateSerializer, Immutable]
public sealed record MilestoneCounts(
    [property: Id(0)] int Done,
    [property: Id(1)] int OnTrack,
    [property: Id(2)] int Late,
    [property: Id(3)] int Total);
