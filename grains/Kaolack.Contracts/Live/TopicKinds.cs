using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Exchanges;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Contracts.Live;

/// <summary>
/// Every kind of live topic, each declared once: <see cref="Topic"/> reads and writes names through it, the relay finds
/// sources through it, the hub lets guests in and words its "invalid-topic" error from it, the wire contract exports its
/// event data (<see cref="Wire.HubPayloads"/>). A new kind of live data is one
/// more <see cref="TopicScope"/>, one entry here and one visibility rule beside the grains (<c>LiveVisibility</c>).
/// Names never change: clients depend on them (docs/PROTOCOL.md).
/// </summary>
public static class TopicKinds
{
    /// <summary>"cooperative:{slug}", "diaspora-group:{slug}", "project:{slug}", "organisation:{slug}", "exchange:{slug}": one entity.</summary>
    public static TopicKind Entity { get; } = new(
        TopicScope.Entity,
        string.Join(", ", Enum.GetValues<EntityKind>().Select(kind => $"{kind.Singular()}:{{slug}}")),
        ParseEntity,
        topic => $"{topic.Kind.Singular()}:{topic.Key}",
        (grains, topic) => topic.Kind switch
        {
            EntityKind.Cooperative => grains.GetGrain<ICooperativeGrain>(topic.Key),
            EntityKind.DiasporaGroup => grains.GetGrain<IDiasporaGroupGrain>(topic.Key),
            EntityKind.Project => grains.GetGrain<IJointProjectGrain>(topic.Key),
            EntityKind.Organisation => grains.GetGrain<IOrganisationGrain>(topic.Key),
            EntityKind.Exchange => grains.GetGrain<IExchangePostGrain>(topic.Key),
            _ => throw new ArgumentOutOfRangeException(nameof(topic)),
        },
        [typeof(Cooperative), typeof(DiasporaGroup), typeof(JointProject), typeof(Organisation), typeof(ExchangePost), typeof(EntityMeta)]);

    /// <summary>"plan:{plan key}": a project's plan, or a workshop's shared notes (open to its guests; see <see cref="PlanKey"/>).</summary>
    public static TopicKind Plan { get; } = TopicKind.Keyed(
        TopicScope.Plan, "plan", "{slug}",
        key => PlanKey.TryParse(key, out _) ? Topic.ForPlan(key) : null,
        (grains, key) => grains.GetGrain<IPlanDocumentGrain>(key),
        [typeof(PlanChange), typeof(PlanSnapshot)],
        AdmitsGuests);

    /// <summary>"presence:{plan key}": who is in that plan right now.</summary>
    public static TopicKind Presence { get; } = TopicKind.Keyed(
        TopicScope.Presence, "presence", "{slug}",
        key => PlanKey.TryParse(key, out _) ? Topic.ForPresence(key) : null,
        (grains, key) => grains.GetGrain<IPlanPresenceGrain>(key),
        [typeof(PresenceList)],
        AdmitsGuests);

    /// <summary>"workshop:{id}": a workshop's live session (deltas between whole views), the one topic kind made for guests.</summary>
    public static TopicKind Workshop { get; } = TopicKind.Keyed(
        TopicScope.Workshop, "workshop", "{id}",
        key => Slug.IsValid(key) ? Topic.ForWorkshop(key) : null,
        (grains, key) => grains.GetGrain<IWorkshopGrain>(key),
        [typeof(WorkshopView), typeof(WorkshopDelta), typeof(EntityMeta)],
        _ => true);

    /// <summary>"dashboard:programme".</summary>
    public static TopicKind ProgrammeDashboard { get; } = TopicKind.Keyed(
        TopicScope.ProgrammeDashboard, "dashboard", IProgrammeDashboardGrain.Key,
        key => key == IProgrammeDashboardGrain.Key ? Topic.ForProgrammeDashboard() : null,
        (grains, _) => grains.GetGrain<IProgrammeDashboardGrain>(IProgrammeDashboardGrain.Key),
        [typeof(ProgrammeDashboard)]);

    /// <summary>"dashboard:project:{project slug}": one project's dashboard summary.</summary>
    public static TopicKind ProjectDashboard { get; } = TopicKind.Keyed(
        TopicScope.ProjectDashboard, "dashboard:project", "{slug}",
        key => Slug.IsValid(key) ? Topic.ForProjectDashboard(key) : null,
        (grains, key) => grains.GetGrain<IProjectSummaryGrain>(key),
        [typeof(ProjectSummary)]);

    /// <summary>"directory:{plural kind}": the listing of one entity kind.</summary>
    public static TopicKind Directory { get; } = TopicKind.Keyed(
        TopicScope.Directory, "directory", $"{{{string.Join('|', Enum.GetValues<EntityKind>().Select(kind => kind.Plural()))}}}",
        key => EntityKindNames.TryParsePlural(key, out var kind) ? Topic.ForDirectory(kind) : null,
        (grains, key) => grains.GetGrain<IDirectoryGrain>(key),
        [typeof(DirectoryEntry), typeof(DirectoryRemoval), typeof(DirectorySnapshot)]);

    /// <summary>In the order the hub lists them.</summary>
    public static IReadOnlyList<TopicKind> All { get; } = [Entity, Plan, Presence, Workshop, ProgrammeDashboard, ProjectDashboard, Directory];

    private static readonly Dictionary<TopicScope, TopicKind> ByScope = All.ToDictionary(kind => kind.Scope);

    /// <summary>The hub's answer to a topic it does not understand: every kind's pattern.</summary>
    public static string Expected { get; } =
        $"Sujet attendu : {string.Join(", ", All.SkipLast(1).Select(kind => kind.Pattern))} ou {All[^1].Pattern}.";

    public static TopicKind Of(TopicScope scope) =>
        ByScope.TryGetValue(scope, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(scope), scope, "No topic kind registered.");

    private static Topic? ParseEntity(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && EntityKindNames.TryParseSingular(name[..colon], out var kind) && Slug.IsValid(name[(colon + 1)..])
            ? Topic.ForEntity(kind, name[(colon + 1)..])
            : null;
    }

    private static bool AdmitsGuests(string planKey) => PlanKey.TryParse(planKey, out var key) && key.AdmitsGuests;
}
