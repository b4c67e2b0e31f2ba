using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Exchanges;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Common;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Exchanges;

/// <summary>
/// One offer or need: an entity of the directory (<c>exchange:{slug}</c>, listed in <c>directory:exchanges</c>), so
/// persist-then-publish, the listing and the live topic come with <see cref="EntityGrain{TValue}"/>.
/// </summary>
public sealed class ExchangePostGrain(
    [PersistentState("exchange-post", StorageNames.Entities)] IPersistentState<EntityState<ExchangePostData>> store,
    TimeProvider clock,
    ILogger<ExchangePostGrain> logger)
    : EntityGrain<ExchangePostData>(store, clock, logger), IExchangePostGrain
{
    protected override EntityKind Kind => EntityKind.Exchange;

    protected override string DisplayName => "L'annonce";

    public Task<ExchangePost?> Get(Caller caller)
    {
        RequireRead(caller);
        return Task.FromResult(Current is null ? null : ExchangePostRules.View(Current, Meta));
    }

    public async Task<ExchangePost> Create(Caller caller, ExchangePostInput input)
    {
        AccessPolicy.Require(AccessPolicy.CanCreate(caller), "Votre rôle ne permet pas de publier d'annonce.");
        RequireAbsent();
        var normalized = ExchangePostRules.Normalize(input);
        ExchangePostRules.Validate(normalized);
        var organisation = await RequireMembership(caller, normalized.Organisation, "organisation");
        return await Save(ExchangePostRules.Create(normalized, organisation), ChangeKind.Created);
    }

    public async Task<ExchangePost> Reply(Caller caller, ReplyInput reply)
    {
        var current = RequireCurrent();
        AccessPolicy.Require(AccessPolicy.CanCreate(caller), "Votre rôle ne permet pas de répondre aux annonces.");
        var organisation = await RequireMembership(caller, reply?.Organisation, "organisation");
        return await Save(ExchangePostRules.Reply(current, organisation, reply!.Text, Clock.GetUtcNow()), ChangeKind.Updated);
    }

    public async Task<ExchangePost> SetStatus(Caller caller, ExchangeStatusInput status, long? expectedVersion)
    {
        var current = await RequireManager(caller);
        CheckVersion(expectedVersion);
        return await Save(ExchangePostRules.SetStatus(current, status), ChangeKind.Updated);
    }

    public async Task<ExchangePost> StartProject(Caller caller, string projectSlug)
    {
        var current = await RequireManager(caller);
        var charter = ExchangePostRules.Charter(current);
        var project = GrainFactory.GetGrain<IJointProjectGrain>(projectSlug);
        await project.Create(caller, charter);
        foreach (var partner in new[] { current.Organisation, current.MatchedWith! })
        {
            await project.AddPartner(caller, new PartnerRef(partner.Kind, partner.Slug), null);
        }
        return await Save(current with { ProjectSlug = projectSlug }, ChangeKind.Updated);
    }

    public async Task<ExchangeMatch[]> Matches(Caller caller, int limit)
    {
        RequireRead(caller);
        ExchangePostRules.ValidateLimit(limit);
        var subject = ExchangePostRules.ToDirectoryEntry(RequireCurrent(), Meta);
        var open = await GrainFactory.GetGrain<IDirectoryGrain>(Kind.Plural()).Search(caller, new DirectoryQuery { PageSize = DirectoryQuery.MaxPageSize });
        return ExchangePostRules.Rank(subject, open.Items, limit);
    }

    protected override object View(ExchangePostData value, EntityMeta meta) => ExchangePostRules.View(value, meta);

    protected override DirectoryEntry ToDirectoryEntry(ExchangePostData value, EntityMeta meta) => ExchangePostRules.ToDirectoryEntry(value, meta);

    protected override bool CanRead(Caller caller, ExchangePostData value) => AccessPolicy.CanReadDirectory(caller);

    /// <summary>The organisation's members (and admins) manage its post: status, joint project.</summary>
    private async Task<ExchangePostData> RequireManager(Caller caller)
    {
        var current = RequireCurrent();
        AccessPolicy.Require(AccessPolicy.CanCreate(caller), "Votre rôle ne permet pas de gérer cette annonce.");
        if (!caller.IsAdmin)
        {
            await RequireMembership(caller, new PartnerRef(current.Organisation.Kind, current.Organisation.Slug), "organisation");
        }
        return current;
    }

    private async Task<PartnerInfo> RequireMembership(Caller caller, PartnerRef? organisation, string field)
    {
        var grain = organisation is null || !Contracts.Common.Slug.IsValid(organisation.Slug) ? null : GrainFactory.Partner(organisation.Kind, organisation.Slug);
        var info = grain is null ? null : await grain.GetPartnerInfo();
        if (info is null)
        {
            throw new ValidationFailedException(field, "Aucune organisation de ce type et de cet identifiant.");
        }
        AccessPolicy.Require(caller.IsAdmin || await grain!.HasMember(caller.UserId),
            "Seuls les membres de cette organisation peuvent agir en son nom.");
        return info;
    }

    private async Task<ExchangePost> Save(ExchangePostData next, ChangeKind change)
    {
        await Commit(next, change);
        return ExchangePostRules.View(next, Meta);
    }
}
