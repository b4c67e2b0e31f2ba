using Kaolack.Contracts.Plans;

namespace Kaolack.Grains.Plans;

/// <summary>One committed op in the plan's log: the change as everyone received it (version, client, author id, op, server time) and the author's display name then.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.plan-log-record.v1")]
public sealed record PlanLogRecord(
    [property: Id(0)] PlanChange Change,
    [property: Id(1)] string DisplayName)
{
    public long Version => Change.Version;
}
