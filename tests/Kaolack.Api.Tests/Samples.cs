using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Projects;

namespace Kaolack.Api.Tests;

/// <summary>Valid request bodies, and slugs no other test uses.</summary>
public static class Samples
{
    public static string Slug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static CooperativeProfile Cooperative(string name, Region region = Region.Kaolack, params string[] valueChains) => new()
    {
        Name = name,
        Region = region,
        Commune = region == Region.Kaolack ? "Kaolack" : "Oujda",
        LegalForm = LegalForm.Cooperative,
        ValueChains = valueChains.Length == 0 ? ["arachide"] : valueChains,
        Products = ["huile d'arachide", "tourteau"],
        MemberCount = 42,
        WomenSharePercent = 60,
        YouthSharePercent = 35,
        Contact = new Contact { Person = "Awa Ndiaye", Email = "awa@example.org", Phone = "+221 77 000 00 00" },
        Languages = ["fr", "wo"],
        CapacityNeeds = ["comptabilité"],
        FairParticipations = [new FairParticipation(Fair.FoireInternationaleKaolack, 2024, FairRole.Exhibitor)],
        Description = "Transformation et vente d'huile d'arachide.",
    };

    public static DiasporaGroupProfile DiasporaGroup(string name, Region originRegion = Region.Oriental) => new()
    {
        Name = name,
        OriginRegion = originRegion,
        Country = "France",
        City = "Lyon",
        MemberCount = 120,
        Skills = ["ingénierie", "marketing"],
        InterestAreas = ["agriculture"],
        Pledges = [],
        Contact = new Contact { Person = "Youssef Benali", Email = "youssef@example.org" },
        Description = "Ressortissants de l'Oriental à Lyon.",
    };

    public static ProjectCharter Project(string title, params string[] valueChains) => new()
    {
        Title = title,
        Summary = "Projet commun entre Kaolack et l'Oriental.",
        SdgTags = [2, 8],
        StartDate = new DateOnly(2025, 1, 1),
        EndDate = new DateOnly(2026, 12, 31),
        Budget = new Money(15_000_000m, Currency.Xof),
        ValueChains = valueChains.Length == 0 ? ["arachide"] : valueChains,
    };
}
