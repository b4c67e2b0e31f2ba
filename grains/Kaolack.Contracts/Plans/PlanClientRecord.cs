namespace Kaolack.Contracts.Plans;

/// <summary>The last op a client session submitted and its answer, so a resubmission after a reconnect is answered, not applied twice.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.plan-client.v1")]
public sealed record PlanClientRecord(
    [property: Id(0)] long Seq,
    [property: Id(1)] PlanAck Ack,
    [property: Id(2)] DateTimeOffset At);
