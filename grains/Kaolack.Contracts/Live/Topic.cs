using Kaolack.Contracts.Common;
using Kaolack.Contracts.Plans;

namespace Kaolack.Contracts.Live;

/// <summary>
/// Names of live topics: "cooperative:{slug}", "diaspora-group:{slug}", "project:{slug}" for one entity,
/// "directory:{plural kind}" for a listing, "plan:{plan key}" for a plan document (a project's plan or a workshop's notes,
/// see <see cref="PlanKey"/>), "presence:{plan key}" for who is in it right now, "workshop:{id}" for a workshop's live session,
/// "dashboard:programme" for the programme dashboard, "dashboard:project:{project slug}" for one project's dashboard summary.
/// </summary>
public readonly record struct Topic(TopicScope Scope, EntityKind Kind, string Key)
{
    private const string DirectoryPrefix = "directory";
    private const string PlanPrefix = "plan";
    private const string PresencePrefix = "presence";
    private const string WorkshopPrefix = "workshop";
    private const string DashboardPrefix = "dashboard";
    private const string ProgrammeKey = "programme";
    private const string ProjectDashboardPrefix = "project:";

    public static Topic ForEntity(EntityKind kind, string slug) => new(TopicScope.Entity, kind, slug);

    public static Topic ForDirectory(EntityKind kind) => new(TopicScope.Directory, kind, kind.Plural());

    /// <summary>The live plan document of a project: "plan:{project slug}".</summary>
    public static Topic ForPlan(string projectSlug) => new(TopicScope.Plan, EntityKind.Project, projectSlug);

    /// <summary>Who is in a project's plan right now: "presence:{project slug}".</summary>
    public static Topic ForPresence(string projectSlug) => new(TopicScope.Presence, EntityKind.Project, projectSlug);

    /// <summary>A workshop's live session: "workshop:{id}" (the kind is unused).</summary>
    public static Topic ForWorkshop(string workshopId) => new(TopicScope.Workshop, default, workshopId);

    /// <summary>The programme dashboard: "dashboard:programme".</summary>
    public static Topic ForProgrammeDashboard() => new(TopicScope.ProgrammeDashboard, EntityKind.Project, ProgrammeKey);

    /// <summary>One project's dashboard summary: "dashboard:project:{project slug}".</summary>
    public static Topic ForProjectDashboard(string projectSlug) => new(TopicScope.ProjectDashboard, EntityKind.Project, projectSlug);

    public override string ToString() => Scope switch
    {
        TopicScope.Directory => $"{DirectoryPrefix}:{Key}",
        TopicScope.Plan => $"{PlanPrefix}:{Key}",
        TopicScope.Presence => $"{PresencePrefix}:{Key}",
        TopicScope.Workshop => $"{WorkshopPrefix}:{Key}",
        TopicScope.ProgrammeDashboard => $"{DashboardPrefix}:{ProgrammeKey}",
        TopicScope.ProjectDashboard => $"{DashboardPrefix}:{ProjectDashboardPrefix}{Key}",
        _ => $"{Kind.Singular()}:{Key}",
    };

    public static bool TryParse(string? value, out Topic topic)
    {
        topic = default;
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return false;
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            return false;
        }
        var head = value[..colon];
        var tail = value[(colon + 1)..];
        if (head == DirectoryPrefix)
        {
            if (!EntityKindNames.TryParsePlural(tail, out var listed))
            {
                return false;
            }
            topic = ForDirectory(listed);
            return true;
        }
        if (head == PlanPrefix)
        {
            if (!PlanKey.TryParse(tail, out _))
            {
                return false;
            }
            topic = ForPlan(tail);
            return true;
        }
        if (head == PresencePrefix)
        {
            if (!PlanKey.TryParse(tail, out _))
            {
                return false;
            }
            topic = ForPresence(tail);
            return true;
        }
        if (head == WorkshopPrefix)
        {
            if (!Slug.IsValid(tail))
            {
                return false;
            }
            topic = ForWorkshop(tail);
            return true;
        }

        if (head == DashboardPrefix)
        {
            return TryParseDashboard(tail, out topic);
        }
        if (!EntityKindNames.TryParseSingular(head, out var kind) || !Slug.IsValid(tail))
        {
            return false;
        }
        topic = ForEntity(kind, tail);
        return true;
    }

    private static bool TryParseDashboard(string tail, out Topic topic)
    {
        topic = default;
        if (tail == ProgrammeKey)
        {
            topic = ForProgrammeDashboard();
            return true;
        }
        if (!tail.StartsWith(ProjectDashboardPrefix, StringComparison.Ordinal) || !Slug.IsValid(tail[ProjectDashboardPrefix.Length..]))
        {
            return false;
        }
        topic = ForProjectDashboard(tail[ProjectDashboardPrefix.Length..]);
        return true;
    }
}
