using Kaolack.Contracts.Common;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Entities;

/// <summary>
/// An organisation whose whole state is one editable profile (cooperative, diaspora group):
/// create, replace as a whole under a version check, delete.
/// </summary>
public abstract class ProfileGrain<TProfile, TView>(
    IPersistentState<EntityState<TProfile>> store,
    TimeProvider clock,
    ILogger logger)
    : EntityGrain<TProfile>(store, clock, logger)
    where TProfile : class
    where TView : class
{
    public Task<TView?> Get() => Task.FromResult(Current is null ? null : Wrap(Meta, Current));

    public async Task<TView> Create(TProfile profile)
    {
        RequireAbsent();
        var accepted = Accept(profile);
        await Commit(accepted, ChangeKind.Created);
        return Wrap(Meta, accepted);
    }

    public async Task<TView> Update(TProfile profile, long expectedVersion)
    {
        RequireCurrent();
        CheckVersion(expectedVersion);
        var accepted = Accept(profile);
        await Commit(accepted, ChangeKind.Updated);
        return Wrap(Meta, accepted);
    }

    public async Task Delete(long expectedVersion)
    {
        RequireCurrent();
        CheckVersion(expectedVersion);
        await Commit(null, ChangeKind.Deleted);
    }

    /// <summary>Normalises and validates, or throws listing every broken rule.</summary>
    protected abstract TProfile Accept(TProfile profile);

    protected abstract TView Wrap(EntityMeta meta, TProfile profile);

    protected override object View(TProfile value, EntityMeta meta) => Wrap(meta, value);
}
