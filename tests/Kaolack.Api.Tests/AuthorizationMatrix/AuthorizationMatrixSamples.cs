using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Api.Tests.AuthorizationMatrix;

/// <summary>Valid request bodies for the matrix (its own, so other test files may change theirs freely).</summary>
public static class MatrixSamples
{
    public static CooperativeProfile Cooperative(string name) => new()
    {
        Name = name,
        Region = Region.Kaolack,
        Commune = "Kaolack",
        LegalForm = LegalForm.Cooperative,
        ValueChains = ["arachide"],
        Products = ["huile d'arachide"],
        MemberCount = 42,
        WomenSharePercent = 60,
        YouthSharePercent = 35,
        Contact = new Contact { Person = "Awa Ndiaye", Email = "awa@example.org", Phone = "+221 77 000 00 00" },
        Languages = ["fr", "wo"],
        CapacityNeeds = ["comptabilité"],
        FairParticipations = [new FairParticipation(Fair.FoireInternationaleKaolack, 2024, FairRole.Exhibitor)],
        Description = "Transformation et vente d'huile d'arachide.",
    };

    public static DiasporaGroupProfile DiasporaGroup(string name) => new()
    {
        Name = name,
        OriginRegion = Region.Oriental,
        Country = "France",
        City = "Lyon",
        MemberCount = 120,
        Skills = ["ingénierie"],
        InterestAreas = ["agriculture"],
        Pledges = [],
        Contact = new Contact { Person = "Youssef Benali", Email = "youssef@example.org" },
        Description = "Ressortissants de l'Oriental à Lyon.",
    };

    public static ProjectCharter Project(string title) => new()
    {
        Title = title,
        Summary = "Projet commun entre Kaolack et l'Oriental.",
        SdgTags = [2, 8],
        StartDate = new DateOnly(2025, 1, 1),
        EndDate = new DateOnly(2026, 12, 31),
        Budget = new Money(15_000_000m, Currency.Xof),
        ValueChains = ["arachide"],
    };

    public static ContributionInput Contribution() => new()
    {
        From = "Commune de Kaolack",
        Amount = new Money(250_000m, Currency.Xof),
        ReceivedOn = new DateOnly(2025, 3, 1),
        Note = "Première tranche.",
    };

    public static WorkshopDetails Workshop(string title) => new()
    {
        Title = title,
        Description = "Gestion coopérative, entre Kaolack et l'Oriental.",
        StartsAt = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero),
        DurationMinutes = 60,
        Agenda = [new AgendaItem("Accueil", 10), new AgendaItem("Atelier", 40)],
    };

    public static object Registration(string email, string password) => new
    {
        email,
        password,
        displayName = email.Split('@')[0],
        organisation = "",
        region = "kaolack",
        language = "fr",
    };
}
