using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Organisations;

namespace Kaolack.Contracts.Common;

/// <summary>The grain of an organisation that can partner a joint project, by kind (null for kinds that cannot).</summary>
public static class PartnerGrains
{
    public static IPartnerGrain? Partner(this IGrainFactory grains, EntityKind kind, string slug) => kind switch
    {
        EntityKind.Cooperative => grains.GetGrain<ICooperativeGrain>(slug),
        EntityKind.DiasporaGroup => grains.GetGrain<IDiasporaGroupGrain>(slug),
        EntityKind.Organisation => grains.GetGrain<IOrganisationGrain>(slug),
        _ => null,
    };
}
