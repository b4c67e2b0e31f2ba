using Kaolack.Contracts.Live;

namespace Kaolack.Contracts.Projects;

/// <summary>
/// One joint project, keyed by its slug. Operations other than <see cref="Update"/> take an optional
/// expected version: they compose with concurrent edits, but a client may still ask for a strict check.
/// </summary>
public interface IJointProjectGrain : ILiveSource
{
    [ReadOnly]
    Task<JointProject?> Get();

    Task<JointProject> Create(ProjectCharter charter);

    Task<JointProject> Update(ProjectCharter charter, long expectedVersion);

    Task<JointProject> ChangeStatus(ProjectStatus status, long? expectedVersion);

    Task<JointProject> AddPartner(PartnerRef partner, long? expectedVersion);

    Task<JointProject> RemovePartner(PartnerRef partner, long? expectedVersion);

    Task<JointProject> AddContribution(ContributionInput contribution, long? expectedVersion);

    Task Delete(long expectedVersion);
}
