using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;

namespace Kaolack.Contracts.Workshops;

/// <summary>
/// One workshop, keyed by its id: details, join code, and the live session. Every signed-in account reads it; accounts
/// that may write and the workshop's own guests take part; its coaches and admins run it. Its live topic is
/// "workshop:{id}", whose events carry a <see cref="WorkshopDelta"/> (or a whole <see cref="WorkshopView"/>) shaped for each connection. It owns its shared notes,
/// a plan document (<see cref="PlanKey.ForWorkshopNotes"/>): observers read them, participants edit them until the session ends.
/// </summary>
public interface IWorkshopGrain : ILiveSource, IPlanOwner
{
    /// <summary>
    /// Coaches and admins; the creator becomes a coach and a unique join code is drawn. Started <paramref name="from"/> an
    /// outline (a template, or a workshop duplicated), it gets the outline's polls (as drafts) and board columns.
    /// </summary>
    Task<WorkshopView> Create(Caller caller, WorkshopDetails details, WorkshopOutline? from = null);

    [ReadOnly]
    Task<WorkshopView?> Get(Caller caller);

    Task<WorkshopView> Update(Caller caller, WorkshopDetails details, long expectedVersion);

    /// <summary>Frees the join code; guests' sessions end with it.</summary>
    Task Delete(Caller caller, long expectedVersion);

    /// <summary>Applies one live command for the caller; answers once it is durable.</summary>
    Task<WorkshopAck> Execute(Caller caller, WorkshopCommand command);

    /// <summary>
    /// Lets a guest in under <paramref name="displayName"/> (the code was checked by the code's grain), at the workshop's
    /// admission pace ("rule-violation: too-many-arrivals" beyond it).
    /// </summary>
    Task<GuestAdmission> AdmitGuest(string displayName);

    /// <summary>What the workshop is prepared with (for a copy or a template): its observers.</summary>
    [ReadOnly]
    Task<WorkshopOutline> Outline(Caller caller);

    /// <summary>The summary as data, for the printable page (and the Markdown and CSV made from it): accounts that observe it.</summary>
    [ReadOnly]
    Task<WorkshopSummary> SummaryOf(Caller caller);

    /// <summary>Whether <paramref name="guestId"/> is a guest of this workshop (their session holds while it is).</summary>
    [ReadOnly]
    Task<bool> HasGuest(string guestId);

    /// <summary>The summary after (or during) the session: Markdown or CSV; coaches, admins and readers of the workshop.</summary>
    [ReadOnly]
    Task<string> Summary(Caller caller, SummaryFormat format);
}
