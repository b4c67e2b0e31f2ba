using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Exchanges;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Testing;

/// <summary>
/// Valid inputs to start from, for grain calls and request bodies alike; each test changes what it is about
/// (with <c>with { … }</c>) and so states in the test what its assertions depend on.
/// </summary>
public static class Samples
{
    public const string Password = "mot-de-passe-solide";

    /// <summary>A fresh lowercase hex token: put it in slugs, then search the directory for it to see only this test's entries.</summary>
    public static string Token() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>A slug no other test uses.</summary>
    public static string Slug(string prefix) => $"{prefix}-{Token()}";

    public static CooperativeProfile Cooperative(string name = "Coopérative Jokko", Region region = Region.Kaolack, params string[] valueChains) => new()
    {
        Name = name,
        Region = region,
        Commune = region == Region.Kaolack ? "Ndiaffate" : "Oujda",
        LegalForm = LegalForm.Cooperative,
        ValueChains = valueChains.Length == 0 ? ["Céréales", "Arachide"] : valueChains,
        Products = ["Huile d'arachide", "Mil"],
        MemberCount = 42,
        WomenSharePercent = 60,
        YouthSharePercent = 30,
        Contact = new Contact { Person = "Awa Ndiaye", Email = "awa@jokko.sn", Phone = "+221 77 123 45 67" },
        Languages = ["fr", "wo"],
        CapacityNeeds = ["Comptabilité"],
        FairParticipations = [new FairParticipation(Fair.FoireInternationaleKaolack, 2024, FairRole.Exhibitor)],
        Description = "Transformation de céréales locales.",
    };

    public static DiasporaGroupProfile DiasporaGroup(string name = "Association des Orientaux de Lyon", Region origin = Region.Oriental) => new()
    {
        Name = name,
        OriginRegion = origin,
        Country = "France",
        City = "Lyon",
        MemberCount = 25,
        Skills = ["Ingénierie", "Logistique"],
        InterestAreas = ["Eau"],
        Pledges = [new Pledge { Kind = PledgeKind.InKind, Description = "Pompes solaires", ProjectSlug = "puits-solaires" }],
        Contact = new Contact { Email = "contact@orientaux-lyon.fr" },
        Description = "Diaspora de l'Oriental à Lyon.",
    };

    public static OrganisationProfile Organisation(
        string name = "Chambre de commerce de Kaolack", OrganisationKind kind = OrganisationKind.Chamber, Region region = Region.Kaolack) => new()
    {
        Name = name,
        Kind = kind,
        Region = region,
        Place = region == Region.Kaolack ? "Kaolack" : "Oujda",
        Sectors = ["Commerce", "Arachide"],
        Offers = ["Accompagnement à l'export"],
        Needs = ["Acheteurs d'huile d'olive"],
        Contact = new Contact { Person = "Moussa Sarr", Email = "contact@cciak.sn", Phone = "+221 33 941 20 00" },
        Languages = ["fr", "wo"],
        Description = "Chambre consulaire au service des entreprises.",
    };

    /// <summary>A need for olive oil, posted for <paramref name="organisation"/>.</summary>
    public static ExchangePostInput Need(PartnerRef organisation) => new()
    {
        Kind = ExchangePostKind.Need,
        Category = ExchangeCategory.Product,
        Organisation = organisation,
        Title = "Besoin d'huile d'olive",
        Description = "Pour nos clients de Kaolack.",
        ValueChain = "huile d'olive",
        Quantity = "2 t",
        Period = "avant la Foire 2026",
        RegionWanted = Region.Oriental,
    };

    public static ProjectCharter Project(string title = "Puits solaires partagés", params string[] valueChains) => new()
    {
        Title = title,
        Summary = "Projet commun entre Kaolack et l'Oriental.",
        SdgTags = [6, 7],
        StartDate = new DateOnly(2025, 1, 1),
        EndDate = new DateOnly(2026, 12, 31),
        Budget = new Money(15_000_000m, Currency.Xof),
        ValueChains = valueChains.Length == 0 ? ["arachide"] : valueChains,
    };

    public static ContributionInput Contribution() => new()
    {
        From = "Commune de Kaolack",
        Amount = new Money(250_000m, Currency.Xof),
        ReceivedOn = new DateOnly(2025, 3, 1),
        Note = "Première tranche.",
    };

    public static WorkshopDetails Workshop(string title, string? projectSlug = null) => new()
    {
        Title = title,
        Description = "Mobiliser la diaspora pour le développement local.",
        ProjectSlug = projectSlug,
        StartsAt = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero),
        DurationMinutes = 90,
        Agenda = [new AgendaItem("Tour de table", 10), new AgendaItem("Idées de projets", 30), new AgendaItem("Prochaines étapes", 15)],
    };

    public static Registration Registration(string email, string password = Password) => new()
    {
        Email = email,
        Password = password,
        DisplayName = "Awa Ndiaye",
        Organisation = "Coopérative Jokko",
        Region = UserRegion.Kaolack,
        Language = UiLanguage.Fr,
    };
}
