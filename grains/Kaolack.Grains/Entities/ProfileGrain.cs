using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Accounts;
using Kaolack.Grains.Common;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Entities;

/// <summary>
/// An organisation whose state is one editable profile (cooperative, diaspora group): create, replace
/// as a whole under a version check, delete, and the accounts that belong to it. Every signed-in user
/// reads it; its members and admins change it.
/// </summary>
public abstract class ProfileGrain<TProfile, TView>(
    IPersistentState<EntityState<OrganisationData<TProfile>>> store,
    TimeProvider clock,
    ILogger logger)
    : EntityGrain<OrganisationData<TProfile>>(store, clock, logger)
    where TProfile : class
    where TView : class
{
    private const int MemberLimit = 100;

    public Task<TView?> Get(Caller caller)
    {
        RequireRead(caller);
        return Task.FromResult(Current is null ? null : ForReader(caller, Wrap(Meta, Current)));
    }

    public Task<bool> HasMember(string userId) =>
        Task.FromResult(Current?.Members.Contains(userId, StringComparer.Ordinal) == true);

    public async Task<TView> Create(Caller caller, TProfile profile)
    {
        AccessPolicy.Require(AccessPolicy.CanCreate(caller), "Votre rôle ne permet pas de créer de fiche.");
        RequireAbsent();
        var members = caller.UserId == Caller.SystemId ? Array.Empty<string>() : [caller.UserId];
        return await Save(new OrganisationData<TProfile>(Accept(profile), members), ChangeKind.Created);
    }

    public async Task<TView> Update(Caller caller, TProfile profile, long expectedVersion)
    {
        var current = RequireEditable(caller);
        CheckVersion(expectedVersion);
        return await Save(current with { Profile = Accept(profile) }, ChangeKind.Updated);
    }

    public async Task Delete(Caller caller, long expectedVersion)
    {
        RequireEditable(caller);
        CheckVersion(expectedVersion);
        await Commit(null, ChangeKind.Deleted);
    }

    public async Task<TView> AddMember(Caller caller, string userId)
    {
        var current = RequireEditable(caller);
        // Any valid address is accepted, account or not, so this answer never tells whether an address has an account.
        // An account only ever signs in with a verified address, so nobody else can take up the right given to it.
        var member = AccountRules.NormalizeEmail(userId);
        var v = new Validation();
        AccountRules.ValidateEmail(v, "email", member);
        v.ThrowIfInvalid();
        if (current.Members.Contains(member, StringComparer.Ordinal))
        {
            return Wrap(Meta, current);
        }
        if (current.Members.Length >= MemberLimit)
        {
            throw new RuleViolationException("member-limit", $"{MemberLimit} membres au plus.");
        }
        return await Save(current with { Members = [.. current.Members, member] }, ChangeKind.Updated);
    }

    public async Task<TView> RemoveMember(Caller caller, string userId)
    {
        var member = AccountRules.NormalizeEmail(userId);
        var current = member == caller.UserId ? RequireCurrent() : RequireEditable(caller);
        if (!current.Members.Contains(member, StringComparer.Ordinal))
        {
            throw new EntityNotFoundException("Ce membre");
        }
        return await Save(current with { Members = current.Members.Where(m => m != member).ToArray() }, ChangeKind.Updated);
    }

    /// <summary>Normalises and validates, or throws listing every broken rule.</summary>
    protected abstract TProfile Accept(TProfile profile);

    protected abstract TView Wrap(EntityMeta meta, OrganisationData<TProfile> data);

    protected abstract DirectoryEntry ToDirectoryEntry(TProfile profile, EntityMeta meta);

    /// <summary>The view as this reader may see it; live events are shaped by the same rule (<c>LiveVisibility</c>).</summary>
    protected virtual TView ForReader(Caller caller, TView view) => view;

    protected override object View(OrganisationData<TProfile> value, EntityMeta meta) => Wrap(meta, value);

    protected override DirectoryEntry ToDirectoryEntry(OrganisationData<TProfile> value, EntityMeta meta) =>
        ToDirectoryEntry(value.Profile, meta);

    protected override bool CanRead(Caller caller, OrganisationData<TProfile> value) => AccessPolicy.CanReadDirectory(caller);

    private OrganisationData<TProfile> RequireEditable(Caller caller)
    {
        var current = RequireCurrent();
        AccessPolicy.Require(AccessPolicy.CanEditOrganisation(caller, current.Members),
            "Seuls les membres de cette organisation (et les administrateurs) peuvent la modifier.");
        return current;
    }

    private async Task<TView> Save(OrganisationData<TProfile> next, ChangeKind change)
    {
        await Commit(next, change);
        return Wrap(Meta, next);
    }
}
