using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Grains.Plans;
using static Kaolack.Grains.Tests.Plans.PlanOps;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>The ops from one plan to another (restoring a named version): applied in order, they give the target exactly.</summary>
public sealed class PlanDiffTests
{
    private static PlanModel Build(params PlanOp[] ops) => Apply(PlanModel.Empty, ops);

    private static PlanModel Apply(PlanModel model, IEnumerable<PlanOp> ops)
    {
        foreach (var op in ops)
        {
            var (next, dropped) = PlanRules.Apply(model, op);
            Assert.Null(dropped);
            model = next;
        }
        return model;
    }

    [Fact]
    public void Identical_plans_need_no_op()
    {
        var plan = Build(AddSection("s1", "a0", (PlanFields.Heading, "Contexte"), (PlanFields.Body, "Deux régions")));

        Assert.Empty(PlanDiff.Ops(plan, plan, "r9"));
    }

    [Fact]
    public void Adds_deletes_moves_sets_and_text_edits_turn_the_current_plan_into_the_saved_one()
    {
        var saved = Build(
            AddSection("s1", "a0", (PlanFields.Heading, "Contexte"), (PlanFields.Body, "Kaolack et l'Oriental 🤝 coopèrent.")),
            Add(PlanEntityKind.Milestone, "m1", "a0", (PlanFields.Title, "Forage"), (PlanFields.Status, "planned")),
            Add(PlanEntityKind.Task, "t1", "a0", (PlanFields.Title, "Devis"), (PlanFields.MilestoneId, "m1")));
        var current = Apply(saved,
        [
            Body("s1", TextOp.InsertAt(21, " (Maroc)")),
            new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Section, Id = "s1", Order = "b0" },
            Set(PlanEntityKind.Milestone, "m1", PlanFields.Status, "done"),
            Set(PlanEntityKind.Milestone, "m1", PlanFields.DueDate, "2026-06-30"),
            Add(PlanEntityKind.Task, "t2", "b0", (PlanFields.Title, "Transport")),
            Set(PlanEntityKind.Task, "t1", PlanFields.Title, ""),
        ]);

        var ops = PlanDiff.Ops(current, saved, "r9");

        Assert.Equal(PlanOps.Describe(saved.ToDocument()), PlanOps.Describe(Apply(current, ops).ToDocument()));
        Assert.Equal(
            ["delete task/t2", "move section/s1", "set milestone/m1 dueDate=", "set milestone/m1 status=planned", "set task/t1 title=Devis", "text section/s1 body"],
            ops.Select(Show).Order(StringComparer.Ordinal));
        // The text is edited in place: only the 8 characters of " (Maroc)" go, the rest of the body is retained.
        var text = Assert.Single(ops, o => o.Type == PlanOpType.Text).Text!;
        Assert.DoesNotContain(text.Components, c => c.Kind == TextOpComponentKind.Insert);
        Assert.Equal(8, text.Components.Where(c => c.Kind == TextOpComponentKind.Delete).Sum(c => c.Length));
    }

    [Fact]
    public void Deletes_come_before_adds_so_a_full_plan_can_be_swapped_for_another()
    {
        var current = Build(AddSection("a", "a0"), AddSection("b", "a1"));
        var saved = Build(AddSection("c", "a0"));

        var ops = PlanDiff.Ops(current, saved, "r3");

        Assert.Equal(["delete section/a", "delete section/b", "add section/c"], ops.Select(Show));
    }

    [Fact]
    public void An_entity_deleted_since_the_save_comes_back_under_a_new_id_and_its_tasks_follow_it()
    {
        var saved = Build(
            Add(PlanEntityKind.Milestone, "m1", "a0", (PlanFields.Title, "Foire de Kaolack")),
            Add(PlanEntityKind.Task, "t1", "a0", (PlanFields.Title, "Stand"), (PlanFields.MilestoneId, "m1")));
        var current = Apply(saved,
        [
            new PlanOp { Type = PlanOpType.Delete, Kind = PlanEntityKind.Milestone, Id = "m1" },
            Set(PlanEntityKind.Task, "t1", PlanFields.MilestoneId, ""),
        ]);

        var restored = Apply(current, PlanDiff.Ops(current, saved, "r12")).ToDocument();

        var milestone = Assert.Single(restored.Milestones);
        Assert.Equal("m1-r12", milestone.Id);
        Assert.Equal("Foire de Kaolack", milestone.Fields[PlanFields.Title]);
        Assert.Equal("m1-r12", Assert.Single(restored.Tasks).Fields[PlanFields.MilestoneId]);
    }

    [Fact]
    public void A_new_id_stays_within_the_id_limit_and_never_takes_one_in_use()
    {
        var longId = new string('x', PlanRules.MaxIdLength);
        var saved = Build(AddSection(longId, "a0"), AddSection(longId[..36] + "-r12", "a1"));
        var current = Apply(saved, [Delete(longId), Delete(longId[..36] + "-r12")]);

        var restored = Apply(current, PlanDiff.Ops(current, saved, "r12")).ToDocument();

        Assert.Equal(2, restored.Sections.Length);
        Assert.All(restored.Sections, s => Assert.True(PlanRules.IsId(s.Id), s.Id));
        Assert.Equal(2, restored.Sections.Select(s => s.Id).Distinct().Count());
        Assert.DoesNotContain(restored.Sections, s => current.Deleted.Contains(PlanModel.Key(s.Kind, s.Id)));
    }

    private static string Show(PlanOp op) => op.Type switch
    {
        PlanOpType.Set => $"set {Name(op)} {op.Field}={op.Value}",
        PlanOpType.Text => $"text {Name(op)} {op.Field}",
        _ => $"{op.Type.ToString().ToLowerInvariant()} {Name(op)}",
    };

    private static string Name(PlanOp op) => $"{op.Kind.ToString().ToLowerInvariant()}/{op.Id}";
}
