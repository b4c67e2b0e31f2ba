namespace Kaolack.Contracts.Plans;

/// <summary>An owner's answer about one caller (<see cref="IPlanOwner.GetPlanAccess"/>).</summary>
/// <param name="CanEdit">The caller edits the document (they read it, or the owner would have refused).</param>
/// <param name="MayCache">The document may keep the answer a few seconds. A workshop's notes freeze the moment its session
/// ends, so the workshop's answer is never kept (it answers from memory).</param>
[GenerateSerializer, Immutable]
public sealed record PlanAccess(
    [property: Id(0)] bool CanEdit,
    [property: Id(1)] bool MayCache);
