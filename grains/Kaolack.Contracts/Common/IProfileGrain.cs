using Kaolack.Contracts.Live;

namespace Kaolack.Contracts.Common;

/// <summary>An organisation whose state is one profile, replaced as a whole under a version check.</summary>
/// <typeparam name="TProfile">The editable fields.</typeparam>
/// <typeparam name="TView">The profile with its <see cref="EntityMeta"/>.</typeparam>
public interface IProfileGrain<TProfile, TView> : ILiveSource, IPartnerGrain
{
    [ReadOnly]
    Task<TView?> Get();

    Task<TView> Create(TProfile profile);

    /// <exception cref="Errors.VersionConflictException">The profile changed since <paramref name="expectedVersion"/>.</exception>
    Task<TView> Update(TProfile profile, long expectedVersion);

    Task Delete(long expectedVersion);
}
