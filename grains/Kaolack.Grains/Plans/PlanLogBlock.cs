namespace Kaolack.Grains.Plans;

/// <summary>What one append to the log carries: consecutive records, usually one group commit.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.plan-log-block.v1")]
public sealed record PlanLogBlock([property: Id(0)] PlanLogRecord[] Records);
