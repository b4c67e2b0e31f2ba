using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;

namespace Kaolack.Grains.Dashboard;

/// <summary>What the programme dashboard keeps of an organisation: region, fairs, needs, pledges — no contact, no members.</summary>
public static class OrganisationFactsRules
{
    public static OrganisationFacts Of(string slug, CooperativeProfile profile, long version) =>
        new(EntityKind.Cooperative, slug, profile.Region, profile.FairParticipations, profile.CapacityNeeds, [], version);

    public static OrganisationFacts Of(string slug, DiasporaGroupProfile profile, long version) =>
        new(EntityKind.DiasporaGroup, slug, profile.OriginRegion, [], [],
            [.. profile.Pledges.Where(p => p.ProjectSlug.Length > 0).Select(p => new PledgeFact(slug, p.ProjectSlug, p.Kind, p.Value, p.Received))],
            version);
}
