using Kaolack.Contracts.Common;
using Kaolack.Contracts.Projects;

namespace Kaolack.Silo.DemoData;

public static partial class DemoCatalog
{
    public static readonly IReadOnlyList<DemoProject> Projects =
    [
        new(
            DemoSlugs.HuileOliveArachide,
            new ProjectCharter
            {
                Title = "Échanges de savoir-faire : huile d'olive de l'Oriental ⇄ huile d'arachide de Kaolack",
                Summary = "Des productrices et producteurs d'arachide de Ndoffane passent une semaine à l'unité de trituration de la coopérative Zitoun de Taourirt, " +
                    "puis des oléiculteurs de Taourirt viennent à Ndoffane. Ensemble, ils comparent pressage, filtration, stockage et contrôle qualité " +
                    "(acidité, aflatoxine) et rédigent un guide de bonnes pratiques en français, wolof et arabe. " +
                    "La diaspora de l'Oriental à Bruxelles finance les analyses de laboratoire et forme les deux coopératives au marketing numérique.",
                SdgTags = [17, 5, 8, 12],
                StartDate = new DateOnly(2026, 2, 1),
                EndDate = new DateOnly(2027, 1, 31),
                Budget = new Money(24_000_000m, Currency.Xof),
                ValueChains = ["huile d'olive", "arachide"],
            },
            [
                new(EntityKind.Cooperative, DemoSlugs.JappoLiggeeyNdoffane),
                new(EntityKind.Cooperative, DemoSlugs.ZitounTaourirt),
                new(EntityKind.DiasporaGroup, DemoSlugs.OrientalBruxelles),
            ],
            [
                new ContributionInput
                {
                    From = "Département de Kaolack",
                    Amount = new Money(3_000_000m, Currency.Xof),
                    ReceivedOn = new DateOnly(2026, 3, 16),
                    Note = "Subvention pour la mission des producteurs de Ndoffane à Taourirt.",
                },
                new ContributionInput
                {
                    From = "Oriental Solidarité Bruxelles",
                    Amount = new Money(2_500m, Currency.Eur),
                    ReceivedOn = new DateOnly(2026, 5, 4),
                    Note = "Analyses de qualité des huiles (promesse honorée).",
                },
            ],
            ProjectStatus.Active),

        new(
            DemoSlugs.PresenceCroiseeFoires,
            new ProjectCharter
            {
                Title = "Présence croisée à la Foire internationale de Kaolack et au Salon de l'ESS de l'Oriental",
                Summary = "Des coopératives de l'Oriental tiennent un stand commun à la Foire internationale de Kaolack, " +
                    "et des coopératives et GIE de Kaolack exposent au Salon de l'ESS de l'Oriental à Oujda. " +
                    "Le projet prépare les produits (étiquetage bilingue, échantillons, fiches techniques), organise le fret et les rencontres d'affaires, " +
                    "et suit les ventes après chaque foire. Le voyage des exposants de Kaolack vers Oujda reste à financer (billets, visas, fret) : " +
                    "le projet est signalé en difficulté tant que ce financement n'est pas bouclé.",
                SdgTags = [17, 5, 8, 12],
                StartDate = new DateOnly(2026, 1, 15),
                EndDate = new DateOnly(2027, 6, 30),
                Budget = new Money(350_000m, Currency.Mad),
                ValueChains = ["bissap", "céréales locales", "dattes", "couscous", "amandes"],
            },
            [
                new(EntityKind.Cooperative, DemoSlugs.SaveursDuSaloum),
                new(EntityKind.Cooperative, DemoSlugs.TransformatricesKahone),
                new(EntityKind.Cooperative, DemoSlugs.AzizaFiguig),
                new(EntityKind.Cooperative, DemoSlugs.AlAmalAhfir),
                new(EntityKind.Cooperative, DemoSlugs.AmandesOujda),
                new(EntityKind.DiasporaGroup, DemoSlugs.KaolackFrance),
            ],
            [
                new ContributionInput
                {
                    From = "Région de l'Oriental",
                    Amount = new Money(120_000m, Currency.Mad),
                    ReceivedOn = new DateOnly(2026, 4, 20),
                    Note = "Frais de stand et transport des coopératives de l'Oriental vers Kaolack.",
                },
            ],
            ProjectStatus.AtRisk),

        new(
            DemoSlugs.UniteTransformationDiaspora,
            new ProjectCharter
            {
                Title = "Mobilisation de la diaspora pour une unité de transformation de céréales locales à Kahone",
                Summary = "Les diasporas de Kaolack en France et en Italie et celle de l'Oriental en Catalogne cofinancent et accompagnent " +
                    "une unité de décorticage, de mouture et de précuisson du mil et du fonio, gérée par le GIE des transformatrices de Kahone " +
                    "avec l'appui technique de Kaolack Céréales Transformation. " +
                    "Le projet sert aussi à éprouver la méthode de mobilisation de la diaspora du CECT : promesses suivies, compétences mises à disposition, " +
                    "retour d'expérience partagé avec l'Oriental.",
                SdgTags = [17, 2, 5, 8, 9],
                StartDate = new DateOnly(2027, 1, 15),
                EndDate = new DateOnly(2027, 12, 31),
                Budget = new Money(85_000m, Currency.Eur),
                ValueChains = ["mil", "fonio", "céréales locales"],
            },
            [
                new(EntityKind.Cooperative, DemoSlugs.TransformatricesKahone),
                new(EntityKind.Cooperative, DemoSlugs.KaolackCereales),
                new(EntityKind.DiasporaGroup, DemoSlugs.SaloumItalia),
                new(EntityKind.DiasporaGroup, DemoSlugs.KaolackFrance),
                new(EntityKind.DiasporaGroup, DemoSlugs.OrientalCatalogne),
            ],
            [],
            ProjectStatus.Proposed),
    ];
}
