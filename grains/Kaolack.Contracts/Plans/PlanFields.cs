namespace Kaolack.Contracts.Plans;

/// <summary>The fields each kind of plan entity has, and which of them are text edited by OT.</summary>
public static class PlanFields
{
    public const string Heading = "heading";
    public const string Body = "body";
    public const string Title = "title";
    public const string DueDate = "dueDate";
    public const string Status = "status";
    public const string OwnerRegion = "ownerRegion";
    public const string Assignee = "assignee";
    public const string MilestoneId = "milestoneId";
    public const string Notes = "notes";

    public static IReadOnlySet<string> Scalars(PlanEntityKind kind) => kind switch
    {
        PlanEntityKind.Section => SectionScalars,
        PlanEntityKind.Milestone => MilestoneScalars,
        _ => TaskScalars,
    };

    public static IReadOnlySet<string> Texts(PlanEntityKind kind) => kind switch
    {
        PlanEntityKind.Section => SectionTexts,
        PlanEntityKind.Task => TaskTexts,
        _ => NoTexts,
    };

    /// <summary>Milestone statuses: planned, in-progress, done. Task statuses: todo, doing, done.</summary>
    public static IReadOnlySet<string> Statuses(PlanEntityKind kind) => kind == PlanEntityKind.Milestone ? MilestoneStatuses : TaskStatuses;

    private static readonly HashSet<string> SectionScalars = [Heading];
    private static readonly HashSet<string> MilestoneScalars = [Title, DueDate, Status, OwnerRegion];
    private static readonly HashSet<string> TaskScalars = [Title, Assignee, DueDate, Status, MilestoneId];
    private static readonly HashSet<string> SectionTexts = [Body];
    private static readonly HashSet<string> TaskTexts = [Notes];
    private static readonly HashSet<string> NoTexts = [];
    private static readonly HashSet<string> MilestoneStatuses = ["planned", "in-progress", "done"];
    private static readonly HashSet<string> TaskStatuses = ["todo", "doing", "done"];
}
