using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Organisations;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Organisations;

public sealed class OrganisationGrain(
    [PersistentState("organisation", StorageNames.Entities)] IPersistentState<EntityState<OrganisationData<OrganisationProfile>>> store,
    TimeProvider clock,
    ILogger<OrganisationGrain> logger)
    : ProfileGrain<OrganisationProfile, Organisation>(store, clock, logger), IOrganisationGrain
{
    protected override EntityKind Kind => EntityKind.Organisation;

    protected override string DisplayName => "L'organisation";

    public Task<PartnerInfo?> GetPartnerInfo() =>
        Task.FromResult(Current is null ? null : new PartnerInfo(Kind, Slug, Current.Profile.Name, Current.Profile.Region));

    protected override OrganisationProfile Accept(OrganisationProfile profile)
    {
        var normalized = OrganisationRules.Normalize(profile);
        OrganisationRules.Validate(normalized);
        return normalized;
    }

    protected override Organisation Wrap(EntityMeta meta, OrganisationData<OrganisationProfile> data) => new(meta, data.Profile, data.Members);

    protected override Organisation ForReader(Caller caller, Organisation view) => OrganisationRules.ForReader(caller, view);

    protected override DirectoryEntry ToDirectoryEntry(OrganisationProfile profile, EntityMeta meta) =>
        OrganisationRules.ToDirectoryEntry(profile, meta);
}
