using Kaolack.Contracts.Plans;

namespace Kaolack.Grains.Plans;

/// <summary>A plan as persisted: the model, its version, the recent ops (for catch-up and transformation) and client sessions.</summary>
[GenerateSerializer, Alias("kaolack.plan-state.v1")]
public sealed class PlanState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public PlanModel Model { get; set; } = PlanModel.Empty;
    [Id(2)] public PlanChange[] Log { get; set; } = [];
    [Id(3)] public Dictionary<string, ClientRecord> Clients { get; set; } = new(StringComparer.Ordinal);
}
