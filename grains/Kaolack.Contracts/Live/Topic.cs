using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Plans;

namespace Kaolack.Contracts.Live;

/// <summary>
/// Names of live topics: "cooperative:{slug}", "diaspora-group:{slug}", "project:{slug}" for one entity,
/// "directory:{plural kind}" for a listing, "plan:{plan key}" for a plan document (a project's plan or a workshop's notes,
/// see <see cref="PlanKey"/>), "presence:{plan key}" for who is in it right now, "workshop:{id}" for a workshop's live session,
/// "dashboard:programme" for the programme dashboard, "dashboard:project:{project slug}" for one project's dashboard summary.
/// Each kind is declared once, in <see cref="TopicKinds"/>.
/// </summary>
public readonly record struct Topic(TopicScope Scope, EntityKind Kind, string Key)
{
    private const int MaxLength = 200;

    public static Topic ForEntity(EntityKind kind, string slug) => new(TopicScope.Entity, kind, slug);

    public static Topic ForDirectory(EntityKind kind) => new(TopicScope.Directory, kind, kind.Plural());

    /// <summary>The live plan document of a project: "plan:{project slug}".</summary>
    public static Topic ForPlan(string projectSlug) => new(TopicScope.Plan, EntityKind.Project, projectSlug);

    /// <summary>Who is in a project's plan right now: "presence:{project slug}".</summary>
    public static Topic ForPresence(string projectSlug) => new(TopicScope.Presence, EntityKind.Project, projectSlug);

    /// <summary>A workshop's live session: "workshop:{id}" (the kind is unused).</summary>
    public static Topic ForWorkshop(string workshopId) => new(TopicScope.Workshop, default, workshopId);

    /// <summary>The programme dashboard: "dashboard:programme".</summary>
    public static Topic ForProgrammeDashboard() => new(TopicScope.ProgrammeDashboard, EntityKind.Project, IProgrammeDashboardGrain.Key);

    /// <summary>One project's dashboard summary: "dashboard:project:{project slug}".</summary>
    public static Topic ForProjectDashboard(string projectSlug) => new(TopicScope.ProjectDashboard, EntityKind.Project, projectSlug);

    public override string ToString() => TopicKinds.Of(Scope).Format(this);

    public static bool TryParse(string? value, out Topic topic)
    {
        topic = default;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }
        foreach (var kind in TopicKinds.All)
        {
            if (kind.Parse(value) is { } parsed)
            {
                topic = parsed;
                return true;
            }
        }
        return false;
    }
}
