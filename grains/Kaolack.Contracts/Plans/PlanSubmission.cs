namespace Kaolack.Contracts.Plans;

/// <summary>An op sent by a client, made against the document at <see cref="BaseVersion"/>.</summary>
/// <param name="ClientId">A random id per client session; with <see cref="Seq"/> it makes resubmission after a reconnect idempotent.</param>
/// <param name="Seq">Increases by one per op the client sends.</param>
[GenerateSerializer, Immutable]
public sealed record PlanSubmission(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long Seq,
    [property: Id(2)] long BaseVersion,
    [property: Id(3)] PlanOp Op);
