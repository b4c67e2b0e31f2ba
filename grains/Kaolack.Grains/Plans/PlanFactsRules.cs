using System.Globalization;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Plans;

namespace Kaolack.Grains.Plans;

/// <summary>What dashboards take from a plan: milestones (title, due date, done) and task counts; never texts or notes.</summary>
public static class PlanFactsRules
{
    private const string Done = "done";

    public static PlanFacts From(PlanModel model, long version, DateTimeOffset? lastChangeAt) =>
        From(model.Entities.Values, version, lastChangeAt);

    public static PlanFacts From(PlanDocument document, long version, DateTimeOffset? lastChangeAt) =>
        From([.. document.Milestones, .. document.Tasks], version, lastChangeAt);

    private static PlanFacts From(IEnumerable<PlanEntity> entities, long version, DateTimeOffset? lastChangeAt)
    {
        List<MilestoneFact> milestones = [];
        var (tasksDone, tasksTotal) = (0, 0);
        foreach (var entity in entities)
        {
            if (entity.Kind == PlanEntityKind.Milestone)
            {
                milestones.Add(new MilestoneFact(entity.Id, entity.Fields.GetValueOrDefault(PlanFields.Title, ""),
                    DueDate(entity), entity.Fields.GetValueOrDefault(PlanFields.Status) == Done));
            }
            else if (entity.Kind == PlanEntityKind.Task)
            {
                tasksTotal++;
                tasksDone += entity.Fields.GetValueOrDefault(PlanFields.Status) == Done ? 1 : 0;
            }
        }
        return new PlanFacts(version, [.. milestones.OrderBy(m => m.Id, StringComparer.Ordinal)], tasksDone, tasksTotal, lastChangeAt);
    }

    private static DateOnly? DueDate(PlanEntity entity) =>
        DateOnly.TryParseExact(entity.Fields.GetValueOrDefault(PlanFields.DueDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
