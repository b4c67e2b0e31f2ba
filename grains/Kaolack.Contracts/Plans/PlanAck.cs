namespace Kaolack.Contracts.Plans;

/// <summary>
/// The answer to a submission, sent only once the op is durable. <see cref="Version"/> is the version the
/// op became; when the op was dropped (its entity was deleted meanwhile), it is null and <see cref="Reason"/> says why.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PlanAck(
    [property: Id(0)] long? Version,
    [property: Id(1)] string? Reason);
