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

    /// <summary>The changes to entity <paramref name="entityId"/> (any kind), newest first, older than <paramref name="before"/> when given.</summary>
    [ReadOnly]
    Task<PlanHistoryPage> GetHistory(Caller caller, string entityId, long? before, int limit);

    /// <summary>Saves the plan as it is now under a name (1–80 characters, unique in the plan); answers once stored.</summary>
    Task<PlanVersionInfo> SaveVersion(Caller caller, string name);

    /// <summary>The named versions, oldest first.</summary>
    [ReadOnly]
    Task<PlanVersionInfo[]> ListVersions(Caller caller);

    [ReadOnly]
    Task<PlanVersionView> GetVersion(Caller caller, long id);

    /// <summary>
    /// Makes the plan what named version <paramref name="id"/> saved, as a new edit: the ops from the current document
    /// to the saved one go through the sequencer like anyone's, so every client receives them and history records them.
    /// Answers the plan once they are durable.
    /// </summary>
    Task<PlanSnapshot> RestoreVersion(Caller caller, long id);

    /// <summary>
    /// Told by the owner when who may read or edit the document changed: access answers kept so far are forgotten
    /// before this returns (the next edit asks the owner again), and the live relays following the plan and its
    /// presence check their connections again.
    /// </summary>
    [AlwaysInterleave]
    Task AccessChanged();

    /// <summary>
    /// Deletes the log segments the stored snapshot makes unnecessary and older than the configured retention (the plan log
    /// pruning job calls this; no user does). Answers how many were deleted.
    /// </summary>
    Task<int> PruneLog();
}
