using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Suggestions;

namespace Kaolack.Contracts.Projects;

/// <summary>
/// One joint project, keyed by its slug. Members read it (owners and editors edit; owners manage
/// members); admins, coaches and partners read every project. Operations other than
/// <see cref="Update"/> take an optional expected version: they compose with concurrent edits, but a
/// client may still ask for a strict check. It owns the project's plan (<see cref="PlanKey.ForProject"/>): its readers read
/// it, its owners and editors edit it, and each commit updates the project's dashboard summary.
/// </summary>
public interface IJointProjectGrain : ILiveSource, IPlanOwner
{
    [ReadOnly]
    Task<JointProject?> Get(Caller caller);

    /// <summary>The creator becomes its owner.</summary>
    Task<JointProject> Create(Caller caller, ProjectCharter charter);

    Task<JointProject> Update(Caller caller, ProjectCharter charter, long expectedVersion);

    Task<JointProject> ChangeStatus(Caller caller, ProjectStatus status, long? expectedVersion);

    Task<JointProject> AddPartner(Caller caller, PartnerRef partner, long? expectedVersion);

    Task<JointProject> RemovePartner(Caller caller, PartnerRef partner, long? expectedVersion);

    Task<JointProject> AddContribution(Caller caller, ContributionInput contribution, long? expectedVersion);

    Task Delete(Caller caller, long expectedVersion);

    /// <summary>Owners invite by e-mail; the ticket's token goes into the link to share.</summary>
    Task<InvitationTicket> Invite(Caller caller, string email, ProjectRole role);

    /// <summary>Open to anyone holding the token, signed in or not: it says what the invitation is.</summary>
    [ReadOnly]
    Task<InvitationDetails> DescribeInvitation(string token);

    /// <summary>The caller's account must be the invited e-mail; the token is spent.</summary>
    Task<JointProject> AcceptInvitation(Caller caller, string token);

    Task<JointProject> ChangeMemberRole(Caller caller, string userId, ProjectRole role);

    /// <summary>Project readers: members by name; owners (and admins) also see the pending invitations.</summary>
    [ReadOnly]
    Task<TeamView> GetTeam(Caller caller);

    /// <summary>Owners withdraw a pending invitation (<see cref="PendingInvitation.Id"/>): its link stops working.</summary>
    Task<JointProject> RevokeInvitation(Caller caller, string invitationId);

    /// <summary>
    /// A linked workshop's session ended: its summary line joins the activity log ("workshop-summary"). The caller is the
    /// coach who ended it: they must read the project and may write.
    /// </summary>
    Task RecordWorkshop(Caller caller, string text);

    /// <summary>Owners remove anyone, members remove themselves; the last owner cannot go.</summary>
    Task<JointProject> RemoveMember(Caller caller, string userId);

    /// <summary>
    /// Cooperatives and diaspora groups to invite as partners (never one that already is), favouring the region the
    /// project still lacks; best first, at most <paramref name="limit"/>. Project readers may ask.
    /// </summary>
    [ReadOnly]
    Task<PartnerSuggestionList> SuggestPartners(Caller caller, int limit);
}
