using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;

namespace Kaolack.Contracts.Common;

/// <summary>
/// An organisation whose state is one profile, replaced as a whole under a version check, and the
/// people who belong to it (they, and admins, may edit it).
/// </summary>
/// <typeparam name="TProfile">The editable fields.</typeparam>
/// <typeparam name="TView">The profile with its <see cref="EntityMeta"/> and members.</typeparam>
public interface IProfileGrain<TProfile, TView> : ILiveSource, IPartnerGrain
{
    [ReadOnly]
    Task<TView?> Get(Caller caller);

    /// <summary>The creator becomes its first member.</summary>
    Task<TView> Create(Caller caller, TProfile profile);

    /// <exception cref="Errors.VersionConflictException">The profile changed since <paramref name="expectedVersion"/>.</exception>
    Task<TView> Update(Caller caller, TProfile profile, long expectedVersion);

    Task Delete(Caller caller, long expectedVersion);

    Task<TView> AddMember(Caller caller, string userId);

    Task<TView> RemoveMember(Caller caller, string userId);
}
