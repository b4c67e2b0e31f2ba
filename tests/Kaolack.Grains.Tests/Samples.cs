using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Projects;

namespace Kaolack.Grains.Tests;

/// <summary>Valid inputs to start from; each test changes what it is about.</summary>
internal static class Samples
{
    /// <summary>A fresh lowercase hex token: put it in slugs, then search the directory for it to see only this test's entries.</summary>
    public static string Token() => Guid.NewGuid().ToString("N")[..12];

    public static CooperativeProfile Cooperative(string name = "Coopérative Jokko", Region region = Region.Kaolack) => new()
    {
        Name = name,
        Region = region,
        Commune = region == Region.Kaolack ? "Ndiaffate" : "Oujda",
        LegalForm = LegalForm.Cooperative,
        ValueChains = ["Céréales", "Arachide"],
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

    public const string Password = "mot-de-passe-solide";

    public static Registration Registration(string email, string password = Password) => new()
    {
        Email = email,
        Password = password,
        DisplayName = "Awa Ndiaye",
        Organisation = "Coopérative Jokko",
        Region = UserRegion.Kaolack,
        Language = UiLanguage.Fr,
    };

    public static ProjectCharter Charter(string title = "Puits solaires partagés") => new()
    {
        Title = title,
        Summary = "Échange de savoir-faire sur l'irrigation solaire.",
        SdgTags = [6, 7],
        StartDate = new DateOnly(2025, 1, 1),
        EndDate = new DateOnly(2026, 12, 31),
        Budget = new Money(1_500_000m, Currency.Xof),
        ValueChains = ["Maraîchage"],
    };
}
