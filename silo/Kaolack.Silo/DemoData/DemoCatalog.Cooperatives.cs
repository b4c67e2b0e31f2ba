using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;

namespace Kaolack.Silo.DemoData;

public static partial class DemoCatalog
{
    public static readonly IReadOnlyList<DemoProfile<CooperativeProfile>> Cooperatives =
    [
        // ── Département de Kaolack ──────────────────────────────────────────────────────────────
        new(DemoSlugs.JappoLiggeeyNdoffane, new CooperativeProfile
        {
            Name = "Coopérative agricole Jappo Liggéey de Ndoffane",
            Region = Region.Kaolack,
            Commune = "Ndoffane",
            LegalForm = LegalForm.Cooperative,
            ValueChains = ["arachide"],
            Products = ["huile d'arachide artisanale", "pâte d'arachide", "arachide grillée salée", "tourteau d'arachide"],
            MemberCount = 64,
            WomenSharePercent = 70,
            YouthSharePercent = 30,
            Contact = new Contact { Person = "Awa Ndiaye", Email = "jappo.ndoffane@example.org", Phone = "+221 77 600 01 12" },
            Languages = ["fr", "wo", "srr"],
            CapacityNeeds = ["contrôle de l'aflatoxine", "emballage et étiquetage", "obtention de l'autorisation FRA", "comptabilité coopérative"],
            FairParticipations =
            [
                new(Fair.FoireInternationaleKaolack, 2023, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2024, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2025, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2025, FairRole.Visitor),
            ],
            Description = "Productrices et producteurs d'arachide du bassin arachidier qui pressent eux-mêmes une partie de la récolte. " +
                "La coopérative veut améliorer la qualité de son huile au contact des huileries d'olive de l'Oriental.",
        }),
        new(DemoSlugs.TransformatricesKahone, new CooperativeProfile
        {
            Name = "GIE des femmes transformatrices de céréales locales de Kahone",
            Region = Region.Kaolack,
            Commune = "Kahone",
            LegalForm = LegalForm.Gie,
            ValueChains = ["mil", "céréales locales", "niébé"],
            Products = ["thiakry", "arraw", "sankhal", "couscous de mil (thiéré)", "farine de mil enrichie au niébé"],
            MemberCount = 42,
            WomenSharePercent = 95,
            YouthSharePercent = 40,
            Contact = new Contact { Person = "Fatou Sarr", Email = "gie.cereales.kahone@example.org", Phone = "+221 77 600 02 23" },
            Languages = ["fr", "wo"],
            CapacityNeeds = ["hygiène et bonnes pratiques de fabrication", "emballage et étiquetage", "comptabilité coopérative", "accès au crédit"],
            FairParticipations =
            [
                new(Fair.FoireInternationaleKaolack, 2022, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2024, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2024, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2026, FairRole.Exhibitor),
            ],
            Description = "Groupement de femmes qui roulent et sèchent des produits à base de mil pour les marchés de Kaolack. " +
                "Elles ont échangé avec les rouleuses de couscous de l'Oriental au Salon de l'ESS 2024 et cherchent à mécaniser le décorticage.",
        }),
        new(DemoSlugs.AnacardeSibassor, new CooperativeProfile
        {
            Name = "Coopérative Ànd Suqali de Sibassor",
            Region = Region.Kaolack,
            Commune = "Sibassor",
            LegalForm = LegalForm.Cooperative,
            ValueChains = ["anacarde"],
            Products = ["noix de cajou brutes", "amandes de cajou grillées", "jus de pomme de cajou"],
            MemberCount = 37,
            WomenSharePercent = 55,
            YouthSharePercent = 50,
            Contact = new Contact { Person = "Ousmane Diouf", Email = "and.suqali.sibassor@example.org", Phone = "+221 76 600 03 34" },
            Languages = ["fr", "wo", "ff"],
            CapacityNeeds = ["décorticage et calibrage des noix", "valorisation de la pomme de cajou", "export"],
            FairParticipations =
            [
                new(Fair.FoireInternationaleKaolack, 2023, FairRole.Visitor),
                new(Fair.FoireInternationaleKaolack, 2025, FairRole.Exhibitor),
            ],
            Description = "Jeunes producteurs d'anacarde qui veulent décortiquer sur place plutôt que vendre la noix brute. " +
                "Ils testent un jus de pomme de cajou pour valoriser ce qui est aujourd'hui perdu au champ.",
        }),
        new(DemoSlugs.SaveursDuSaloum, new CooperativeProfile
        {
            Name = "Saveurs du Saloum",
            Region = Region.Kaolack,
            Commune = "Latmingué",
            LegalForm = LegalForm.Tpe,
            ValueChains = ["bissap", "pain de singe (baobab)"],
            Products = ["bissap séché en vrac", "sirop de bissap", "confiture de bissap", "poudre de pain de singe"],
            MemberCount = 9,
            WomenSharePercent = 78,
            YouthSharePercent = 67,
            Contact = new Contact { Person = "Mariama Cissé", Email = "contact.saveursdusaloum@example.org", Phone = "+221 78 600 04 45" },
            Languages = ["fr", "wo", "it"],
            CapacityNeeds = ["marketing numérique", "certification bio", "export"],
            FairParticipations =
            [
                new(Fair.FoireInternationaleKaolack, 2024, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2025, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2025, FairRole.Exhibitor),
            ],
            Description = "Très petite entreprise créée par une migrante de retour d'Italie, qui achète le bissap et le pain de singe à des groupements de femmes de Latmingué. " +
                "Elle vise les épiceries de la diaspora en Europe.",
        }),
        new(DemoSlugs.KaolackCereales, new CooperativeProfile
        {
            Name = "Kaolack Céréales Transformation",
            Region = Region.Kaolack,
            Commune = "Kaolack",
            LegalForm = LegalForm.Pme,
            ValueChains = ["fonio", "céréales locales", "mil"],
            Products = ["fonio précuit", "couscous de mil", "farine infantile mil-niébé", "biscuits au mil"],
            MemberCount = 23,
            WomenSharePercent = 60,
            YouthSharePercent = 45,
            Contact = new Contact { Person = "Ibrahima Ba", Email = "direction.kct@example.org", Phone = "+221 33 600 05 56" },
            Languages = ["fr", "wo", "en"],
            CapacityNeeds = ["démarche HACCP", "export", "logistique et chaîne d'approvisionnement"],
            FairParticipations =
            [
                new(Fair.FoireInternationaleKaolack, 2022, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2023, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2023, FairRole.Visitor),
                new(Fair.FoireInternationaleKaolack, 2025, FairRole.Exhibitor),
            ],
            Description = "PME de la ville de Kaolack qui transforme le fonio et les céréales locales achetés à des groupements de femmes du département. " +
                "Elle prépare une unité de précuisson plus grande avec l'appui de la diaspora.",
        }),
        new(DemoSlugs.SelIodeNdiaffate, new CooperativeProfile
        {
            Name = "GIE Takku Liggéey des saunières de Ndiaffate",
            Region = Region.Kaolack,
            Commune = "Ndiaffate",
            LegalForm = LegalForm.Gie,
            ValueChains = ["sel"],
            Products = ["sel iodé fin", "gros sel", "sel aux herbes"],
            MemberCount = 85,
            WomenSharePercent = 90,
            YouthSharePercent = 35,
            Contact = new Contact { Person = "Khady Faye", Email = "takku.ndiaffate@example.org", Phone = "+221 77 600 06 67" },
            Languages = ["fr", "wo", "srr"],
            CapacityNeeds = ["iodation conforme aux normes", "emballage et étiquetage", "gestion d'un fonds de roulement"],
            FairParticipations =
            [
                new(Fair.FoireInternationaleKaolack, 2024, FairRole.Exhibitor),
            ],
            Description = "Saunières qui récoltent et iodent le sel des tannes du Saloum. " +
                "Le GIE cherche des débouchés pour un sel aux herbes, en lien avec les plantes aromatiques de l'Oriental.",
        }),

        // ── Région de l'Oriental ─────────────────────────────────────────────────────────────────
        new(DemoSlugs.ZitounTaourirt, new CooperativeProfile
        {
            Name = "Coopérative Zitoun de Taourirt",
            Region = Region.Oriental,
            Commune = "Taourirt",
            LegalForm = LegalForm.Cooperative,
            ValueChains = ["huile d'olive", "olives de table"],
            Products = ["huile d'olive vierge extra", "olives vertes cassées", "savon à l'huile d'olive"],
            MemberCount = 38,
            WomenSharePercent = 40,
            YouthSharePercent = 25,
            Contact = new Contact { Person = "Mohamed Amrani", Email = "zitoun.taourirt@example.org", Phone = "+212 6 61 00 07 78" },
            Languages = ["ar", "ber", "fr"],
            CapacityNeeds = ["certification bio", "analyses de qualité (acidité, peroxydes)", "export"],
            FairParticipations =
            [
                new(Fair.SalonEssOriental, 2023, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2024, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2025, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2025, FairRole.Exhibitor),
            ],
            Description = "Oléiculteurs de la plaine de Taourirt qui ont modernisé leur unité de trituration. " +
                "La coopérative partage son expérience du pressage et du contrôle qualité avec les huileries d'arachide de Kaolack.",
        }),
        new(DemoSlugs.AzizaFiguig, new CooperativeProfile
        {
            Name = "Coopérative féminine Aziza de Figuig",
            Region = Region.Oriental,
            Commune = "Figuig",
            LegalForm = LegalForm.Cooperative,
            ValueChains = ["dattes"],
            Products = ["dattes Aziza Bouzid", "pâte de dattes", "sirop de dattes (rob)", "noyaux de dattes torréfiés"],
            MemberCount = 26,
            WomenSharePercent = 100,
            YouthSharePercent = 35,
            Contact = new Contact { Person = "Khadija Benali", Email = "aziza.figuig@example.org", Phone = "+212 6 62 00 08 89" },
            Languages = ["ar", "ber", "fr"],
            CapacityNeeds = ["conservation et stockage au froid", "emballage et étiquetage", "marketing numérique"],
            FairParticipations =
            [
                new(Fair.SalonEssOriental, 2022, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2024, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2025, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2026, FairRole.Exhibitor),
            ],
            Description = "Femmes des ksour de Figuig qui trient, conditionnent et transforment les dattes de l'oasis. " +
                "Elles préparent leur première participation à la Foire internationale de Kaolack.",
        }),
        new(DemoSlugs.NahlaDebdou, new CooperativeProfile
        {
            Name = "Coopérative apicole Nahla de Debdou",
            Region = Region.Oriental,
            Commune = "Debdou",
            LegalForm = LegalForm.Cooperative,
            ValueChains = ["miel", "produits de la ruche"],
            Products = ["miel de thym", "miel de romarin", "miel toutes fleurs", "pollen", "cire d'abeille"],
            MemberCount = 19,
            WomenSharePercent = 30,
            YouthSharePercent = 55,
            Contact = new Contact { Person = "Hassan Ouchen", Email = "nahla.debdou@example.org", Phone = "+212 6 63 00 09 90" },
            Languages = ["ar", "ber", "fr"],
            CapacityNeeds = ["analyses de conformité du miel", "comptabilité coopérative", "marketing numérique"],
            FairParticipations =
            [
                new(Fair.SalonEssOriental, 2023, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2025, FairRole.Exhibitor),
            ],
            Description = "Jeunes apiculteurs du plateau de Debdou qui transhument leurs ruches entre thym et romarin. " +
                "Ils souhaitent former des apiculteurs de Kaolack à la récolte et au conditionnement du miel.",
        }),
        new(DemoSlugs.RomarinJerada, new CooperativeProfile
        {
            Name = "GIE Romarin des Hauts Plateaux",
            Region = Region.Oriental,
            Commune = "Jerada",
            LegalForm = LegalForm.Gie,
            ValueChains = ["plantes aromatiques et médicinales"],
            Products = ["romarin séché", "huile essentielle de romarin", "armoise blanche (chih)", "thym séché"],
            MemberCount = 120,
            WomenSharePercent = 45,
            YouthSharePercent = 30,
            Contact = new Contact { Person = "Naima Boukili", Email = "gie.romarin.jerada@example.org", Phone = "+212 5 36 00 10 01" },
            Languages = ["ar", "ber", "fr"],
            CapacityNeeds = ["certification bio", "gestion durable de la cueillette", "export"],
            FairParticipations =
            [
                new(Fair.SalonEssOriental, 2022, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2023, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2024, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2025, FairRole.Exhibitor),
            ],
            Description = "Groupement de cinq coopératives de cueilleurs et distillateurs de romarin de la province de Jerada. " +
                "Le GIE mutualise la distillation et la vente aux laboratoires.",
        }),
        new(DemoSlugs.AlAmalAhfir, new CooperativeProfile
        {
            Name = "Coopérative féminine Al Amal d'Ahfir",
            Region = Region.Oriental,
            Commune = "Ahfir",
            LegalForm = LegalForm.Cooperative,
            ValueChains = ["couscous", "céréales locales"],
            Products = ["couscous roulé à la main", "couscous d'orge (belboula)", "berkoukech", "plantes aromatiques séchées"],
            MemberCount = 31,
            WomenSharePercent = 100,
            YouthSharePercent = 20,
            Contact = new Contact { Person = "Fatima Zahra El Idrissi", Email = "al.amal.ahfir@example.org", Phone = "+212 6 64 00 11 12" },
            Languages = ["ar", "fr"],
            CapacityNeeds = ["comptabilité coopérative", "emballage et étiquetage", "accès aux marchés"],
            FairParticipations =
            [
                new(Fair.SalonEssOriental, 2023, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2024, FairRole.Visitor),
                new(Fair.SalonEssOriental, 2024, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2025, FairRole.Exhibitor),
            ],
            Description = "Femmes d'Ahfir qui roulent à la main couscous de blé et d'orge selon les savoir-faire de la région. " +
                "Elles ont visité la Foire internationale de Kaolack en 2024 et échangent avec les transformatrices de mil de Kahone.",
        }),
        new(DemoSlugs.AmandesOujda, new CooperativeProfile
        {
            Name = "Amandes et Terroirs de l'Oriental",
            Region = Region.Oriental,
            Commune = "Oujda",
            LegalForm = LegalForm.Tpe,
            ValueChains = ["amandes", "miel"],
            Products = ["amandes décortiquées", "amandes grillées", "pâte d'amande au miel", "coffrets de produits du terroir"],
            MemberCount = 7,
            WomenSharePercent = 57,
            YouthSharePercent = 71,
            Contact = new Contact { Person = "Youssef Berrada", Email = "contact.amandes-terroirs@example.org", Phone = "+212 6 65 00 12 23" },
            Languages = ["ar", "fr", "es"],
            CapacityNeeds = ["marketing numérique", "vente en ligne", "export"],
            FairParticipations =
            [
                new(Fair.SalonEssOriental, 2024, FairRole.Exhibitor),
                new(Fair.SalonEssOriental, 2025, FairRole.Exhibitor),
                new(Fair.FoireInternationaleKaolack, 2025, FairRole.Visitor),
            ],
            Description = "Jeune entreprise d'Oujda qui achète les amandes et le miel de coopératives de l'Oriental et les vend en coffrets. " +
                "Elle cherche à y associer des produits de Kaolack.",
        }),
    ];
}
