using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Grains.Dashboard;
using Kaolack.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Entities;

public sealed class DiasporaGroupGrain(
    [PersistentState("diaspora-group", StorageNames.Entities)] IPersistentState<EntityState<OrganisationData<DiasporaGroupProfile>>> store,
    TimeProvider clock,
    ILogger<DiasporaGroupGrain> logger)
    : ProfileGrain<DiasporaGroupProfile, DiasporaGroup>(store, clock, logger), IDiasporaGroupGrain
{
    protected override EntityKind Kind => EntityKind.DiasporaGroup;

    protected override string DisplayName => "Le groupe de la diaspora";

    public Task<PartnerInfo?> GetPartnerInfo() =>
        Task.FromResult(Current is null ? null : new PartnerInfo(Kind, Slug, Current.Profile.Name, Current.Profile.OriginRegion));

    protected override DiasporaGroupProfile Accept(DiasporaGroupProfile profile)
    {
        var normalized = DiasporaGroupRules.Normalize(profile);
        DiasporaGroupRules.Validate(normalized);
        return normalized;
    }

    protected override DiasporaGroup Wrap(EntityMeta meta, OrganisationData<DiasporaGroupProfile> data) => new(meta, data.Profile, data.Members);

    protected override DirectoryEntry ToDirectoryEntry(DiasporaGroupProfile profile, EntityMeta meta) =>
        DiasporaGroupRules.ToDirectoryEntry(profile, meta);

    protected override void PublishToDashboards()
    {
        var programme = GrainFactory.GetGrain<IProgrammeDashboardGrain>(IProgrammeDashboardGrain.Key);
        _ = Current is null
            ? programme.RemoveOrganisation(Kind, Slug)
            : programme.UpdateOrganisation(OrganisationFactsRules.Of(Slug, Current.Profile, Version));
    }
}
