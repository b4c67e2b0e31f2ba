using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;

namespace Kaolack.Contracts.Dashboard;

/// <summary>What the programme dashboard counts of a cooperative or diaspora group (never its contact or members).</summary>
/// <param name="Region">A cooperative's region, a diaspora group's origin region.</param>
/// <param name="Version">The organisation's version: older facts never replace newer ones.</param>
[GenerateSerializer, Immutable]
public sealed record OrganisationFacts(
    [property: Id(0)] EntityKind Kind,
    [property: Id(1)] string Slug,
    [property: Id(2)] Region Region,
    [property: Id(3)] FairParticipation[] FairParticipations,
    [property: Id(4)] string[] CapacityNeeds,
    [property: Id(5)] PledgeFact[] Pledges,
    [property: Id(6)] long Version)
{
    public string Key => KeyOf(Kind, Slug);

    public static string KeyOf(EntityKind kind, string slug) => $"{kind.Singular()}/{slug}";
}
