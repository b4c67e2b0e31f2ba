using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Dashboard;

namespace Kaolack.Contracts.Plans;

/// <summary>
/// What owns a plan document (a project, a workshop's notes, and the owners to come; <see cref="PlanKey.Owner"/> finds
/// it): the document asks it who may read and edit, and tells it about every commit. It never holds the document.
/// </summary>
public interface IPlanOwner : IGrainWithStringKey
{
    /// <summary>Whether the caller edits the owner's plan document; refused (forbidden, not found) when they may not even read it.</summary>
    [ReadOnly]
    Task<PlanAccess> GetPlanAccess(Caller caller);

    /// <summary>
    /// A change of the owner's plan is durable and published: what the plan now is, as dashboards see it. One-way, and
    /// interleaved with the owner's own work: the plan never waits for its owner, nor its owner's writes for the plan.
    /// </summary>
    [OneWay, AlwaysInterleave]
    Task PlanCommitted(PlanFacts facts);
}
