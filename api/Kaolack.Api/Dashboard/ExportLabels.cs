using System.Globalization;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;

namespace Kaolack.Api.Dashboard;

/// <summary>
/// What the dashboard's CSV exports call things, in the reader's language (the page passes its own, <c>?lang=fr|en</c>;
/// French by default): column headers, statuses, region pairs, regions, fairs, indicators, and how numbers are written.
/// The words are the page's own (web/src/i18n), so a table and its export read alike.
/// </summary>
public sealed record ExportLabels
{
    public static ExportLabels French { get; } = new()
    {
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        ProjectColumns =
        [
            "Identifiant", "Titre", "Statut", "Partenaires", "Filières", "Partenaires de Kaolack", "Partenaires de l'Oriental",
            "Jalons atteints", "Jalons dans les temps", "Jalons en retard", "Jalons", "Tâches faites", "Tâches",
            "Prochain jalon", "Échéance du prochain jalon", "Monnaie", "Budget", "Contributions reçues", "Promesses", "Promesses reçues",
            "Promesses en nature reçues", "Promesses en nature", "Dernière activité (UTC)",
        ],
        IndicatorColumns = ["Indicateur", "Détail", "Valeur", "Monnaie"],
        Status = new Dictionary<ProjectStatus, string>
        {
            [ProjectStatus.Proposed] = "Proposé",
            [ProjectStatus.Active] = "En cours",
            [ProjectStatus.AtRisk] = "À risque",
            [ProjectStatus.Completed] = "Terminé",
            [ProjectStatus.Cancelled] = "Annulé",
        },
        RegionPairs = new Dictionary<RegionPair, string>
        {
            [RegionPair.KaolackOriental] = "Kaolack ⇄ Oriental",
            [RegionPair.Kaolack] = "Kaolack seulement",
            [RegionPair.Oriental] = "Oriental seulement",
            [RegionPair.None] = "Sans partenaire",
        },
        Regions = new Dictionary<Region, string> { [Region.Kaolack] = "Kaolack", [Region.Oriental] = "Oriental" },
        Fairs = new Dictionary<Fair, string>
        {
            [Fair.FoireInternationaleKaolack] = "Foire internationale de Kaolack",
            [Fair.SalonEssOriental] = "Salon de l'ESS de l'Oriental",
        },
        Indicators = new IndicatorNames(
            "Projets", "Projets par statut", "Projets par partenaires", "Projets par filière", "Jalons", "Tâches",
            "Coopératives engagées", "Groupes de la diaspora engagés", "Participations aux foires", "Besoins de renforcement de capacités",
            "Budget", "Contributions reçues", "Promesses", "Promesses reçues", "Promesses en nature"),
        Done = "Faits",
        OnTrack = "Dans les temps",
        Late = "En retard",
        Total = "Total",
        Received = "Reçues",
    };

    public static ExportLabels English { get; } = new()
    {
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        ProjectColumns =
        [
            "Id", "Title", "Status", "Partners", "Value chains", "Kaolack partners", "Oriental partners",
            "Milestones reached", "Milestones on track", "Milestones late", "Milestones", "Tasks done", "Tasks",
            "Next milestone", "Next milestone due", "Currency", "Budget", "Contributions received", "Pledges", "Pledges received",
            "In-kind pledges received", "In-kind pledges", "Last activity (UTC)",
        ],
        IndicatorColumns = ["Indicator", "Detail", "Value", "Currency"],
        Status = new Dictionary<ProjectStatus, string>
        {
            [ProjectStatus.Proposed] = "Proposed",
            [ProjectStatus.Active] = "Active",
            [ProjectStatus.AtRisk] = "At risk",
            [ProjectStatus.Completed] = "Completed",
            [ProjectStatus.Cancelled] = "Cancelled",
        },
        RegionPairs = new Dictionary<RegionPair, string>
        {
            [RegionPair.KaolackOriental] = "Kaolack ⇄ Oriental",
            [RegionPair.Kaolack] = "Kaolack only",
            [RegionPair.Oriental] = "Oriental only",
            [RegionPair.None] = "No partner",
        },
        Regions = new Dictionary<Region, string> { [Region.Kaolack] = "Kaolack", [Region.Oriental] = "Oriental" },
        Fairs = new Dictionary<Fair, string>
        {
            [Fair.FoireInternationaleKaolack] = "Kaolack International Fair",
            [Fair.SalonEssOriental] = "Oriental Social and Solidarity Economy Fair",
        },
        Indicators = new IndicatorNames(
            "Projects", "Projects by status", "Projects by partners", "Projects by value chain", "Milestones", "Tasks",
            "Cooperatives engaged", "Diaspora groups engaged", "Fair participations", "Capacity-building needs",
            "Budget", "Contributions received", "Pledges", "Pledges received", "In-kind pledges"),
        Done = "Done",
        OnTrack = "On track",
        Late = "Late",
        Total = "Total",
        Received = "Received",
    };

    /// <summary>How amounts are written: "1250000,5" in French, "1250000.5" in English.</summary>
    public required CultureInfo Culture { get; init; }

    public required string[] ProjectColumns { get; init; }

    public required string[] IndicatorColumns { get; init; }

    public required IReadOnlyDictionary<ProjectStatus, string> Status { get; init; }

    public required IReadOnlyDictionary<RegionPair, string> RegionPairs { get; init; }

    public required IReadOnlyDictionary<Region, string> Regions { get; init; }

    public required IReadOnlyDictionary<Fair, string> Fairs { get; init; }

    public required IndicatorNames Indicators { get; init; }

    public required string Done { get; init; }

    public required string OnTrack { get; init; }

    public required string Late { get; init; }

    public required string Total { get; init; }

    public required string Received { get; init; }

    /// <summary>The labels of <paramref name="lang"/> ("fr" or "en"; French when absent).</summary>
    /// <exception cref="ValidationFailedException">Another language.</exception>
    public static ExportLabels For(string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        null or "" or "fr" => French,
        "en" => English,
        _ => throw new ValidationFailedException("lang", "Langue attendue : fr ou en."),
    };

    public sealed record IndicatorNames(
        string Projects, string ProjectsByStatus, string ProjectsByRegionPair, string ProjectsByValueChain, string Milestones, string Tasks,
        string EngagedCooperatives, string EngagedDiasporaGroups, string FairParticipations, string CapacityNeeds,
        string Budget, string BudgetReceived, string Pledges, string PledgesReceived, string PledgesInKind);
}
