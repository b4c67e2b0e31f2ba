using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;

namespace Kaolack.Contracts.Plans;

/// <summary>
/// The plan of one joint project, keyed by the project's slug: the single sequencer of its document.
/// Readers of the project read it; its owners and editors (and admins) edit it. Its live topic is "plan:{slug}".
/// </summary>
public interface IPlanDocumentGrain : ILiveSource
{
    /// <summary>Transforms the op over everything after its base version, applies it, persists it, then answers.</summary>
    Task<PlanAck> Submit(Caller caller, PlanSubmission submission);

    [ReadOnly]
    Task<PlanSnapshot> GetSnapshot(Caller caller);
}
