using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Dashboard;
using Kaolack.Grains.Directory;
using Kaolack.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Entities;

public sealed class CooperativeGrain(
    [PersistentState("cooperative", StorageNames.Entities)] IPersistentState<EntityState<OrganisationData<CooperativeProfile>>> store,
    TimeProvider clock,
    ILogger<CooperativeGrain> logger)
    : ProfileGrain<CooperativeProfile, Cooperative>(store, clock, logger), ICooperativeGrain
{
    protected override EntityKind Kind => EntityKind.Cooperative;

    protected override string DisplayName => "La coopérative";

    public Task<PartnerInfo?> GetPartnerInfo() =>
        Task.FromResult(Current is null ? null : new PartnerInfo(Kind, Slug, Current.Profile.Name, Current.Profile.Region));

    public async Task<PartnerSuggestionList> SuggestPartners(Caller caller, int limit)
    {
        RequireRead(caller);
        var request = PartnerSuggestions.ForCooperative(Slug, RequireCurrent().Profile, limit);
        return await SuggestionDirectories.Suggest(GrainFactory, caller, request);
    }

    protected override CooperativeProfile Accept(CooperativeProfile profile)
    {
        var normalized = CooperativeRules.Normalize(profile);
        CooperativeRules.Validate(normalized, Today);
        return normalized;
    }

    protected override Cooperative Wrap(EntityMeta meta, OrganisationData<CooperativeProfile> data) => new(meta, data.Profile, data.Members);

    protected override DirectoryEntry ToDirectoryEntry(CooperativeProfile profile, EntityMeta meta) =>
        CooperativeRules.ToDirectoryEntry(profile, meta);

    protected override void PublishToDashboards()
    {
        var programme = GrainFactory.GetGrain<IProgrammeDashboardGrain>(IProgrammeDashboardGrain.Key);
        _ = Current is null
            ? programme.RemoveOrganisation(Kind, Slug)
            : programme.UpdateOrganisation(OrganisationFactsRules.Of(Slug, Current.Profile, Version));
    }
}
