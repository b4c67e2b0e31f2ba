namespace Kaolack.Contracts.Plans;

/// <summary>A named version of a plan: the document as it was at <see cref="Version"/>, saved by an editor.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanVersionInfo(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] string UserId,
    [property: Id(4)] string DisplayName,
    [property: Id(5)] DateTimeOffset At);
