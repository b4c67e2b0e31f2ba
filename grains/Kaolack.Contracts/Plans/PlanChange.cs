namespace Kaolack.Contracts.Plans;

/// <summary>An applied op as everyone receives it (the data of a "plan:{slug}" live event), already transformed.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanChange(
    [property: Id(0)] long Version,
    [property: Id(1)] string ClientId,
    [property: Id(2)] long Seq,
    [property: Id(3)] string UserId,
    [property: Id(4)] PlanOp Op,
    [property: Id(5)] DateTimeOffset At);
