namespace Kaolack.Silo.DemoData;

public static partial class DemoCatalog
{
    /// <summary>Plans that give the dashboards something to show: milestones done, on track and one late, tasks in every state.</summary>
    public static readonly IReadOnlyList<DemoPlan> Plans =
    [
        new(
            DemoSlugs.HuileOliveArachide,
            [("contexte", "Contexte", "Deux filières d'huile, deux régions : comparer les pratiques et écrire un guide commun.")],
            [
                new("mission-taourirt", "Mission des producteurs de Ndoffane à Taourirt", -60, "done", "kaolack"),
                new("analyses-laboratoire", "Analyses d'acidité et d'aflatoxine", -12, "in-progress", "oriental"),
                new("mission-ndoffane", "Mission des oléiculteurs de Taourirt à Ndoffane", 45, "planned", "oriental"),
                new("guide-bonnes-pratiques", "Guide de bonnes pratiques (français, wolof, arabe)", 120, "planned", "kaolack"),
            ],
            [
                new("billets-mission", "Réserver billets et visas de la mission", "Awa Ndiaye", "mission-taourirt", -75, "done"),
                new("compte-rendu-mission", "Compte rendu de la mission à Taourirt", "Awa Ndiaye", "mission-taourirt", -50, "done"),
                new("echantillons", "Envoyer les échantillons au laboratoire", "Karim Benali", "analyses-laboratoire", -20, "done"),
                new("resultats", "Recevoir et partager les résultats", "Karim Benali", "analyses-laboratoire", -5, "doing"),
                new("programme-visite", "Programme de la visite à Ndoffane", "Awa Ndiaye", "mission-ndoffane", 20, "doing"),
                new("plan-guide", "Plan du guide et répartition des chapitres", "Karim Benali", "guide-bonnes-pratiques", 60, "todo"),
            ]),
        new(
            DemoSlugs.PresenceCroiseeFoires,
            [("contexte", "Contexte", "Un stand commun à Kaolack, des exposants de Kaolack à Oujda ; le voyage vers Oujda reste à financer.")],
            [
                new("stand-foire-kaolack", "Stand commun à la Foire internationale de Kaolack", -30, "done", "kaolack"),
                new("financement-voyage", "Financement du voyage des exposants vers Oujda", 30, "in-progress", "kaolack"),
                new("salon-ess-oujda", "Exposition au Salon de l'ESS de l'Oriental", 150, "planned", "oriental"),
            ],
            [
                new("etiquetage", "Étiquetage bilingue des produits", "Fatou Sarr", "stand-foire-kaolack", -45, "done"),
                new("suivi-ventes", "Suivi des ventes après la foire", "Fatou Sarr", "stand-foire-kaolack", -10, "done"),
                new("dossier-financement", "Dossier de demande de financement du fret", "Awa Ndiaye", "financement-voyage", 10, "doing"),
                new("visas", "Demandes de visas des exposants", "Awa Ndiaye", "financement-voyage", 25, "todo"),
                new("fret", "Devis de fret Dakar – Casablanca", "Karim Benali", "salon-ess-oujda", 90, "todo"),
            ]),
        new(
            DemoSlugs.UniteTransformationDiaspora,
            [("contexte", "Contexte", "Une unité de transformation de céréales cofinancée par la diaspora, en préparation.")],
            [
                new("etude-faisabilite", "Étude de faisabilité de l'unité", 60, "in-progress", "kaolack"),
                new("tour-de-table", "Tour de table des diasporas", 120, "planned", "kaolack"),
            ],
            [
                new("visite-site", "Visite du site pressenti à Kahone", "Fatou Sarr", "etude-faisabilite", 15, "doing"),
                new("devis-equipements", "Devis des équipements", "Fatou Sarr", "etude-faisabilite", 40, "todo"),
                new("reunion-diasporas", "Réunion en ligne avec Brescia, Paris et Barcelone", "Awa Ndiaye", "tour-de-table", 70, "todo"),
            ]),
    ];
}
