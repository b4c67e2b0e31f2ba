namespace Kaolack.Contracts.Plans;

/// <summary>
/// What <see cref="PlanSequencer.Sequence"/> made of a submission: the answer the client gets once the document is
/// durable up to it, and, when the op was applied, the change to store and broadcast (null for a drop or a duplicate).
/// </summary>
public sealed record PlanOutcome(PlanAck Ack, PlanChange? Change);
