using Kaolack.Contracts.Common;
using Kaolack.Contracts.Diaspora;

namespace Kaolack.Silo.DemoData;

public static partial class DemoCatalog
{
    public static readonly IReadOnlyList<DemoProfile<DiasporaGroupProfile>> DiasporaGroups =
    [
        // ── Diaspora du département de Kaolack ───────────────────────────────────────────────────
        new(DemoSlugs.KaolackFrance, new DiasporaGroupProfile
        {
            Name = "Association des ressortissants du département de Kaolack en France",
            OriginRegion = Region.Kaolack,
            Country = "France",
            City = "Montreuil",
            MemberCount = 140,
            Skills = ["logistique export", "comptabilité", "commerce de détail", "montage de projets"],
            InterestAreas = ["transformation agroalimentaire", "emploi des jeunes", "retour et réinsertion des migrants"],
            Pledges =
            [
                new Pledge
                {
                    Kind = PledgeKind.Money,
                    Value = new Money(3_000m, Currency.Eur),
                    Description = "Cotisation des membres pour l'équipement de l'unité de transformation de céréales.",
                    ProjectSlug = DemoSlugs.UniteTransformationDiaspora,
                },
                new Pledge
                {
                    Kind = PledgeKind.InKind,
                    Value = new Money(1_200m, Currency.Eur),
                    Description = "Prise en charge du fret de deux palettes de produits de Kaolack vers Oujda pour le Salon de l'ESS.",
                    ProjectSlug = DemoSlugs.PresenceCroiseeFoires,
                },
            ],
            Contact = new Contact { Person = "Cheikh Tidiane Mbaye", Email = "arkf.montreuil@example.org", Phone = "+33 6 39 98 00 01" },
            Description = "Ressortissants du département de Kaolack installés en Île-de-France depuis une ou deux générations. " +
                "L'association finance des projets économiques dans les communes d'origine et accompagne les migrants qui rentrent.",
        }),
        new(DemoSlugs.SaloumItalia, new DiasporaGroupProfile
        {
            Name = "Collectif Saloum Italia",
            OriginRegion = Region.Kaolack,
            Country = "Italie",
            City = "Brescia",
            MemberCount = 85,
            Skills = ["mécanique et maintenance d'équipements", "ingénierie agroalimentaire", "marketing"],
            InterestAreas = ["unités de transformation", "formation professionnelle", "entrepreneuriat des femmes"],
            Pledges =
            [
                new Pledge
                {
                    Kind = PledgeKind.Money,
                    Value = new Money(5_000m, Currency.Eur),
                    Description = "Contribution à l'achat d'une décortiqueuse et d'un moulin pour l'unité de transformation.",
                    ProjectSlug = DemoSlugs.UniteTransformationDiaspora,
                },
                new Pledge
                {
                    Kind = PledgeKind.InKind,
                    Value = new Money(1_800m, Currency.Eur),
                    Description = "Deux missions d'un technicien bénévole pour l'installation et la maintenance des machines.",
                    ProjectSlug = DemoSlugs.UniteTransformationDiaspora,
                },
            ],
            Contact = new Contact { Person = "Modou Sène", Email = "saloum.italia@example.org", Phone = "+39 320 000 1234" },
            Description = "Sénégalaises et Sénégalais du Saloum travaillant en Lombardie, beaucoup dans l'industrie mécanique et agroalimentaire. " +
                "Le collectif met ses compétences techniques au service des transformatrices du département.",
        }),

        // ── Diaspora de l'Oriental ───────────────────────────────────────────────────────────────
        new(DemoSlugs.OrientalBruxelles, new DiasporaGroupProfile
        {
            Name = "Oriental Solidarité Bruxelles",
            OriginRegion = Region.Oriental,
            Country = "Belgique",
            City = "Bruxelles",
            MemberCount = 60,
            Skills = ["ingénierie agroalimentaire", "marketing numérique", "gestion de projet", "comptabilité"],
            InterestAreas = ["économie sociale et solidaire", "huile d'olive", "coopération Sud-Sud"],
            Pledges =
            [
                new Pledge
                {
                    Kind = PledgeKind.Money,
                    Value = new Money(2_500m, Currency.Eur),
                    Description = "Financement des analyses de qualité des huiles d'olive et d'arachide.",
                    ProjectSlug = DemoSlugs.HuileOliveArachide,
                    Received = true,
                },
                new Pledge
                {
                    Kind = PledgeKind.InKind,
                    Description = "Six sessions de formation en ligne au marketing numérique pour les coopératives des deux régions.",
                    ProjectSlug = DemoSlugs.HuileOliveArachide,
                },
            ],
            Contact = new Contact { Person = "Samira Belhadj", Email = "oriental.solidarite.bxl@example.org", Phone = "+32 470 00 12 34" },
            Description = "Originaires d'Oujda, de Nador et de Berkane installés à Bruxelles, ingénieurs, commerçants et étudiants. " +
                "L'association soutient les coopératives de l'Oriental et leurs échanges avec Kaolack.",
        }),
        new(DemoSlugs.OrientalCatalogne, new DiasporaGroupProfile
        {
            Name = "Association des originaires de l'Oriental en Catalogne",
            OriginRegion = Region.Oriental,
            Country = "Espagne",
            City = "Barcelone",
            MemberCount = 110,
            Skills = ["logistique export", "agriculture irriguée", "ingénierie agroalimentaire", "droit des affaires"],
            InterestAreas = ["commerce équitable", "chaînes de valeur agricoles", "mobilité des jeunes professionnels"],
            Pledges =
            [
                new Pledge
                {
                    Kind = PledgeKind.InKind,
                    Value = new Money(4_000m, Currency.Eur),
                    Description = "Étude technique de l'unité de transformation par deux ingénieurs agroalimentaires membres de l'association.",
                    ProjectSlug = DemoSlugs.UniteTransformationDiaspora,
                },
                new Pledge
                {
                    Kind = PledgeKind.Money,
                    Value = new Money(1_500m, Currency.Eur),
                    Description = "Participation aux frais de stand des coopératives de Kaolack au Salon de l'ESS de l'Oriental.",
                    ProjectSlug = DemoSlugs.PresenceCroiseeFoires,
                },
            ],
            Contact = new Contact { Person = "Rachid Ziani", Email = "oriental.catalunya@example.org", Phone = "+34 600 00 12 34" },
            Description = "Familles originaires de Nador, Berkane et Oujda installées en Catalogne, nombreuses dans la logistique et l'agriculture. " +
                "L'association mobilise ses réseaux pour ouvrir des débouchés aux produits des deux régions.",
        }),
    ];
}
