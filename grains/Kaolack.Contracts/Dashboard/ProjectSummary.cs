using System.Text.Json.Serialization;
using Kaolack.Contracts.Projects;

namespace Kaolack.Contracts.Dashboard;

/// <summary>
/// The status of one joint project as dashboards show it, derived from the project and its plan. It holds no
/// confidential field: no member contacts, no notes, no contribution notes, no plan texts.
/// </summary>
/// <param name="Version">Increases with every change of the summary (also across reactivations).</param>
/// <param name="Partners">Partner organisations (public directory data).</param>
/// <param name="Budget">The budget and contributions received in its currency; other currencies get their own line (Expected 0).</param>
/// <param name="Pledges">Diaspora pledges with a value, and how much of them was received, per currency.</param>
/// <param name="PledgesInKind">Pledges in kind without a value: count pledged and received.</param>
/// <param name="Readers">Who may see the summary besides admins, coaches and partners: the project's members. Never sent.</param>
[GenerateSerializer, Immutable]
public sealed record ProjectSummary
{
    [Id(0)] public string Slug { get; init; } = "";
    [Id(1)] public long Version { get; init; }
    [Id(2)] public string Title { get; init; } = "";
    [Id(3)] public ProjectStatus Status { get; init; }
    [Id(4)] public string[] ValueChains { get; init; } = [];
    [Id(5)] public DateOnly? StartDate { get; init; }
    [Id(6)] public DateOnly? EndDate { get; init; }
    [Id(7)] public RegionPair RegionPair { get; init; }
    [Id(8)] public SummaryPartner[] Partners { get; init; } = [];
    [Id(9)] public int KaolackPartners { get; init; }
    [Id(10)] public int OrientalPartners { get; init; }
    [Id(11)] public MilestoneCounts Milestones { get; init; } = new(0, 0, 0, 0);
    [Id(12)] public TaskCounts Tasks { get; init; } = new(0, 0);
    [Id(13)] public MilestoneFact? NextMilestone { get; init; }
    [Id(14)] public MoneyProgress[] Budget { get; init; } = [];
    [Id(15)] public MoneyProgress[] Pledges { get; init; } = [];
    [Id(16)] public PledgeCounts PledgesInKind { get; init; } = new(0, 0);
    [Id(17)] public DateTimeOffset? LastActivityAt { get; init; }
    /// <summary>The day the milestone counts were computed for: lateness moves with the date.</summary>
    [Id(18)] public DateOnly AsOf { get; init; }
    /// <summary>The plan's milestones, so the counts can be recomputed for another day without the plan.</summary>
    [Id(19), JsonIgnore] public MilestoneFact[] MilestoneFacts { get; init; } = [];
    [Id(20), JsonIgnore] public string[]? Readers { get; init; }
    [Id(21)] public long ProjectVersion { get; init; }
    [Id(22)] public long PlanVersion { get; init; }
}
