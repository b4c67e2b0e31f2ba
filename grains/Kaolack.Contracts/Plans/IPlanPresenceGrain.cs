using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;

namespace Kaolack.Contracts.Plans;

/// <summary>
/// Who is in a project's plan right now, keyed by the project's slug; in memory only. Entries not refreshed
/// within the presence TTL disappear. Its live topic is "presence:{slug}"; every event is a snapshot.
/// </summary>
public interface IPlanPresenceGrain : ILiveSource
{
    /// <summary>Stores or refreshes the caller's client entry (project readers only).</summary>
    Task Update(Caller caller, string displayName, PresenceUpdate update);

    /// <summary>Removes one of the caller's own client entries (project readers only; nothing when it is not there).</summary>
    Task Leave(Caller caller, string clientId);

    /// <summary>Called by the plan for each published change: cursors follow text edits.</summary>
    [OneWay]
    Task OnPlanChange(PlanChange change);

    /// <summary>
    /// Who may read the plan changed (<see cref="IPlanDocumentGrain.AccessChanged"/>): kept answers are forgotten, relays
    /// check again. Interleaved: the owner that causes it may be the very grain an update in progress here is waiting for.
    /// </summary>
    [AlwaysInterleave]
    Task AccessChanged();
}
