using Kaolack.Contracts.Plans;

namespace Kaolack.Grains.Plans;

/// <summary>
/// A plan's snapshot, written every so many ops or seconds and on deactivation: the model at <see cref="Version"/>,
/// the client sessions, the history index and the named versions. The ops after it are in the log (<see cref="PlanLogStore"/>).
/// </summary>
[GenerateSerializer, Alias("kaolack.plan-state.v1")]
public sealed class PlanState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public PlanModel Model { get; set; } = PlanModel.Empty;
    // Id 2 held the last 2,000 ops when each write rewrote them all; they are in the log now.
    [Id(3)] public Dictionary<string, PlanClientRecord> Clients { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public PlanHistory History { get; set; } = PlanHistory.Empty;
    [Id(5)] public PlanVersionInfo[] Versions { get; set; } = [];
}
