using System.Text;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using static Kaolack.Grains.Tests.Plans.PlanOps;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>The plan's pure rules: op validation with field keys, application with drop reasons, transformation of late ops.</summary>
public sealed class PlanRulesTests
{
    // ----- validation -----

    [Fact]
    public void A_missing_op_is_refused_on_op()
    {
        Assert.Equal(["op"], Fields(() => PlanRules.Validate(null)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("é")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("12345678901234567890123456789012345678901")]
    public void A_bad_id_is_refused_on_op_id(string id)
    {
        Assert.Equal(["op.id"], Fields(() => PlanRules.Validate(Delete(id))));
    }

    [Fact]
    public void The_longest_id_of_letters_digits_dash_and_underscore_is_accepted()
    {
        var id = "Ab-_9" + new string('x', PlanRules.MaxIdLength - 5);
        PlanRules.Validate(Delete(id));
        PlanRules.Validate(AddSection(id, "a0"));
    }

    [Fact]
    public void An_undefined_type_or_kind_is_refused_with_both_keys()
    {
        var op = new PlanOp { Type = (PlanOpType)99, Kind = (PlanEntityKind)42, Id = "s1" };
        Assert.Equal(["op.kind", "op.type"], Fields(() => PlanRules.Validate(op)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a-0")]
    [InlineData("a 0")]
    [InlineData("ä0")]
    [InlineData("a0123456789012345678901234567890123456789012345678901234567890123")]
    public void An_add_or_move_without_a_well_formed_order_key_is_refused_on_op_order(string? order)
    {
        Assert.Equal(["op.order"], Fields(() => PlanRules.Validate(AddSection("s1", order))));
        Assert.Equal(["op.order"], Fields(() => PlanRules.Validate(new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Task, Id = "t1", Order = order })));
    }

    [Fact]
    public void Order_keys_of_letters_and_digits_up_to_the_limit_are_accepted()
    {
        PlanRules.Validate(AddSection("s1", "a"));
        PlanRules.Validate(AddSection("s1", "Zz09"));
        PlanRules.Validate(new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Milestone, Id = "m1", Order = new string('V', PlanRules.MaxOrderLength) });
    }

    [Fact]
    public void An_add_with_valid_fields_of_each_kind_is_accepted()
    {
        PlanRules.Validate(AddSection("s1", "a0", (PlanFields.Heading, "Contexte"), (PlanFields.Body, "Deux régions.")));
        PlanRules.Validate(Add(PlanEntityKind.Milestone, "m1", "a0",
            (PlanFields.Title, "Forage"), (PlanFields.DueDate, "2025-06-30"), (PlanFields.Status, "in-progress"), (PlanFields.OwnerRegion, "oriental")));
        PlanRules.Validate(Add(PlanEntityKind.Task, "t1", "a0",
            (PlanFields.Title, "Devis"), (PlanFields.Assignee, "awa@kaolack.test"), (PlanFields.DueDate, "2025-02-28"),
            (PlanFields.Status, "doing"), (PlanFields.MilestoneId, "m1"), (PlanFields.Notes, "Trois devis.")));
    }

    [Fact]
    public void An_add_with_a_field_its_kind_does_not_have_is_refused_on_op_field()
    {
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(AddSection("s1", "a0", ("couleur", "rouge")))));
        // A task field on a milestone, a milestone field on a task, a text field of another kind.
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Add(PlanEntityKind.Milestone, "m1", "a0", (PlanFields.Assignee, "awa")))));
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Add(PlanEntityKind.Task, "t1", "a0", (PlanFields.OwnerRegion, "kaolack")))));
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Add(PlanEntityKind.Milestone, "m1", "a0", (PlanFields.Body, "texte")))));
    }

    [Fact]
    public void An_add_reports_every_bad_field_at_once()
    {
        var op = Add(PlanEntityKind.Milestone, "m1", "a-0",
            (PlanFields.Title, new string('t', PlanRules.MaxScalarLength + 1)), (PlanFields.DueDate, "30/06/2025"),
            (PlanFields.Status, "todo"), (PlanFields.OwnerRegion, "dakar"));
        Assert.Equal(["op.dueDate", "op.order", "op.ownerRegion", "op.status", "op.title"], Fields(() => PlanRules.Validate(op)));
    }

    [Fact]
    public void An_add_with_a_text_field_longer_than_the_limit_is_refused_on_its_field_path()
    {
        var op = AddSection("s1", "a0", (PlanFields.Body, new string('x', PlanRules.MaxTextLength + 1)));
        Assert.Equal(["op.fields.body"], Fields(() => PlanRules.Validate(op)));
        PlanRules.Validate(AddSection("s1", "a0", (PlanFields.Body, new string('x', PlanRules.MaxTextLength))));
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-2-3")]
    [InlineData("2025/02/03")]
    [InlineData("demain")]
    [InlineData("2025-02-03T10:00")]
    public void A_set_of_a_bad_date_is_refused_on_op_dueDate(string value)
    {
        Assert.Equal(["op.dueDate"], Fields(() => PlanRules.Validate(Set(PlanEntityKind.Task, "t1", PlanFields.DueDate, value))));
    }

    [Theory]
    [InlineData(PlanEntityKind.Milestone, "todo")]
    [InlineData(PlanEntityKind.Milestone, "Done")]
    [InlineData(PlanEntityKind.Task, "planned")]
    [InlineData(PlanEntityKind.Task, "in-progress")]
    public void A_status_of_the_other_kind_or_case_is_refused_on_op_status(PlanEntityKind kind, string value)
    {
        Assert.Equal(["op.status"], Fields(() => PlanRules.Validate(Set(kind, "e1", PlanFields.Status, value))));
    }

    [Theory]
    [InlineData(PlanEntityKind.Milestone, "planned")]
    [InlineData(PlanEntityKind.Milestone, "in-progress")]
    [InlineData(PlanEntityKind.Milestone, "done")]
    [InlineData(PlanEntityKind.Task, "todo")]
    [InlineData(PlanEntityKind.Task, "doing")]
    [InlineData(PlanEntityKind.Task, "done")]
    public void Each_status_of_its_kind_is_accepted(PlanEntityKind kind, string value)
    {
        PlanRules.Validate(Set(kind, "e1", PlanFields.Status, value));
    }

    [Theory]
    [InlineData("Kaolack")]
    [InlineData("dakar")]
    [InlineData("oriental ")]
    public void A_region_other_than_kaolack_or_oriental_is_refused_on_op_ownerRegion(string value)
    {
        Assert.Equal(["op.ownerRegion"], Fields(() => PlanRules.Validate(Set(PlanEntityKind.Milestone, "m1", PlanFields.OwnerRegion, value))));
        PlanRules.Validate(Set(PlanEntityKind.Milestone, "m1", PlanFields.OwnerRegion, "kaolack"));
        PlanRules.Validate(Set(PlanEntityKind.Milestone, "m1", PlanFields.OwnerRegion, "oriental"));
    }

    [Fact]
    public void A_set_of_an_unknown_field_a_missing_field_or_a_text_field_is_refused_on_op_field()
    {
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Set(PlanEntityKind.Section, "s1", "couleur", "rouge"))));
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(new PlanOp { Type = PlanOpType.Set, Kind = PlanEntityKind.Task, Id = "t1", Value = "x" })));
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Set(PlanEntityKind.Section, "s1", PlanFields.Body, "pas par set"))));
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Set(PlanEntityKind.Section, "s1", PlanFields.Status, "done"))));
    }

    [Fact]
    public void A_set_of_a_scalar_longer_than_the_limit_is_refused_and_clearing_is_accepted()
    {
        Assert.Equal(["op.title"], Fields(() => PlanRules.Validate(Set(PlanEntityKind.Task, "t1", PlanFields.Title, new string('x', PlanRules.MaxScalarLength + 1)))));
        PlanRules.Validate(Set(PlanEntityKind.Task, "t1", PlanFields.Title, new string('x', PlanRules.MaxScalarLength)));
        PlanRules.Validate(Set(PlanEntityKind.Task, "t1", PlanFields.DueDate, null));
        PlanRules.Validate(Set(PlanEntityKind.Milestone, "m1", PlanFields.Status, ""));
    }

    [Fact]
    public void A_text_op_without_its_text_is_refused_on_op_text()
    {
        var op = new PlanOp { Type = PlanOpType.Text, Kind = PlanEntityKind.Section, Id = "s1", Field = PlanFields.Body };
        Assert.Equal(["op.text"], Fields(() => PlanRules.Validate(op)));
    }

    [Fact]
    public void A_text_op_on_a_field_that_is_not_text_is_refused_on_op_field()
    {
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Text(PlanEntityKind.Section, "s1", PlanFields.Heading, TextOp.InsertAt(0, "x")))));
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Text(PlanEntityKind.Milestone, "m1", PlanFields.Title, TextOp.InsertAt(0, "x")))));
        Assert.Equal(["op.field"], Fields(() => PlanRules.Validate(Text(PlanEntityKind.Section, "s1", PlanFields.Notes, TextOp.InsertAt(0, "x")))));
        Assert.Equal(["op.field", "op.text"], Fields(() => PlanRules.Validate(new PlanOp { Type = PlanOpType.Text, Kind = PlanEntityKind.Task, Id = "t1" })));
        PlanRules.Validate(Text(PlanEntityKind.Task, "t1", PlanFields.Notes, TextOp.InsertAt(0, "x")));
    }

    [Fact]
    public void An_insert_longer_than_the_limit_is_refused_and_one_at_the_limit_is_accepted()
    {
        var tooLong = Body("s1", TextOp.InsertAt(3, new string('x', PlanRules.MaxInsertLength + 1)));
        Assert.Equal(["op.text"], Fields(() => PlanRules.Validate(tooLong)));
        // Code points, not UTF-16 units: 20 000 emoji are 40 000 chars and still one insert at the limit.
        PlanRules.Validate(Body("s1", TextOp.InsertAt(0, string.Concat(Enumerable.Repeat("🌍", PlanRules.MaxInsertLength)))));
        var emojiTooLong = string.Concat(Enumerable.Repeat("🌍", PlanRules.MaxInsertLength + 1));
        Assert.Equal(["op.text"], Fields(() => PlanRules.Validate(Body("s1", TextOp.InsertAt(0, emojiTooLong)))));
    }

    [Fact]
    public void Delete_needs_nothing_but_a_kind_and_an_id()
    {
        PlanRules.Validate(Delete("s1"));
        PlanRules.Validate(new PlanOp { Type = PlanOpType.Delete, Kind = PlanEntityKind.Task, Id = "t1" });
    }

    // ----- apply -----

    [Fact]
    public void Add_creates_the_entity_with_its_order_and_non_empty_fields()
    {
        var (model, dropped) = PlanRules.Apply(PlanModel.Empty,
            Add(PlanEntityKind.Task, "t1", "a0", (PlanFields.Title, "Devis"), (PlanFields.Assignee, ""), (PlanFields.Notes, "Trois devis.")));

        Assert.Null(dropped);
        var task = Assert.IsType<PlanEntity>(model.Find(PlanEntityKind.Task, "t1"));
        Assert.Equal((PlanEntityKind.Task, "t1", "a0"), (task.Kind, task.Id, task.Order));
        Assert.Equal(["notes=Trois devis.", "title=Devis"], FieldsOf(task));
        Assert.Equal(1, model.Count(PlanEntityKind.Task));
        Assert.Equal(0, model.Count(PlanEntityKind.Section));
    }

    [Fact]
    public void The_same_id_in_another_kind_is_another_entity()
    {
        var model = Build(AddSection("x1", "a0"), Add(PlanEntityKind.Task, "x1", "a0"), Add(PlanEntityKind.Milestone, "x1", "a0"));
        Assert.Equal(3, model.Entities.Count);
        var (_, dropped) = PlanRules.Apply(model, Delete("x1"));
        Assert.Null(dropped);
    }

    [Fact]
    public void Adding_an_existing_entity_is_dropped_as_entity_exists_and_changes_nothing()
    {
        var model = Build(AddSection("s1", "a0", (PlanFields.Heading, "Contexte")));
        var (after, dropped) = PlanRules.Apply(model, AddSection("s1", "b0", (PlanFields.Heading, "Autre")));
        Assert.Equal(PlanDropReasons.EntityExists, dropped);
        Assert.Same(model, after);
        Assert.Equal("Contexte", model.Find(PlanEntityKind.Section, "s1")!.Fields[PlanFields.Heading]);
    }

    [Fact]
    public void Delete_removes_the_entity_and_remembers_its_id_so_every_later_op_on_it_is_dropped_as_entity_deleted()
    {
        var model = Build(AddSection("s1", "a0", (PlanFields.Body, "abc")), AddSection("s2", "b0"));
        var (deleted, dropped) = PlanRules.Apply(model, Delete("s1"));

        Assert.Null(dropped);
        Assert.Null(deleted.Find(PlanEntityKind.Section, "s1"));
        Assert.NotNull(deleted.Find(PlanEntityKind.Section, "s2"));
        Assert.Contains(PlanModel.Key(PlanEntityKind.Section, "s1"), deleted.Deleted);
        foreach (var late in new[]
        {
            Delete("s1"),
            AddSection("s1", "c0"),
            new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Section, Id = "s1", Order = "z" },
            Set(PlanEntityKind.Section, "s1", PlanFields.Heading, "Revenu ?"),
            Body("s1", TextOp.InsertAt(0, "x")),
            // Even an op that could never apply: the drop is decided before the text is looked at.
            Body("s1", TextOp.DeleteAt(50, 1)),
        })
        {
            var (after, reason) = PlanRules.Apply(deleted, late);
            Assert.Equal(PlanDropReasons.EntityDeleted, reason);
            Assert.Same(deleted, after);
        }
    }

    [Fact]
    public void Delete_move_set_and_text_on_an_entity_that_never_existed_are_dropped_as_entity_missing()
    {
        var model = Build(AddSection("s1", "a0"));
        foreach (var op in new[]
        {
            Delete("s9"),
            new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Section, Id = "s9", Order = "z" },
            Set(PlanEntityKind.Section, "s9", PlanFields.Heading, "?"),
            Body("s9", TextOp.InsertAt(0, "x")),
            // The id exists, but as a section, not as a task.
            Set(PlanEntityKind.Task, "s1", PlanFields.Title, "?"),
        })
        {
            var (after, reason) = PlanRules.Apply(model, op);
            Assert.Equal(PlanDropReasons.EntityMissing, reason);
            Assert.Same(model, after);
        }
    }

    [Fact]
    public void Move_changes_only_the_order_and_the_document_sorts_by_order_then_id()
    {
        var model = Build(
            AddSection("s1", "a0", (PlanFields.Heading, "Un")),
            AddSection("s2", "b0", (PlanFields.Heading, "Deux")),
            AddSection("s3", "b0", (PlanFields.Heading, "Trois")));
        Assert.Equal(["s1", "s2", "s3"], model.ToDocument().Sections.Select(s => s.Id));

        var (moved, dropped) = PlanRules.Apply(model, new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Section, Id = "s1", Order = "c" });

        Assert.Null(dropped);
        Assert.Equal(["s2", "s3", "s1"], moved.ToDocument().Sections.Select(s => s.Id));
        var s1 = moved.Find(PlanEntityKind.Section, "s1")!;
        Assert.Equal("c", s1.Order);
        Assert.Equal(["heading=Un"], FieldsOf(s1));
    }

    [Fact]
    public void Set_replaces_one_scalar_and_an_empty_or_null_value_clears_it()
    {
        var model = Build(Add(PlanEntityKind.Milestone, "m1", "a0", (PlanFields.Title, "Forage"), (PlanFields.Status, "planned")));

        var (set, _) = PlanRules.Apply(model, Set(PlanEntityKind.Milestone, "m1", PlanFields.Status, "done"));
        var (dated, _) = PlanRules.Apply(set, Set(PlanEntityKind.Milestone, "m1", PlanFields.DueDate, "2025-06-30"));
        var (cleared, _) = PlanRules.Apply(dated, Set(PlanEntityKind.Milestone, "m1", PlanFields.Title, null));
        var (clearedAgain, dropped) = PlanRules.Apply(cleared, Set(PlanEntityKind.Milestone, "m1", PlanFields.DueDate, ""));

        Assert.Null(dropped);
        Assert.Equal(["status=done", "title=Forage"], FieldsOf(set.Find(PlanEntityKind.Milestone, "m1")!));
        Assert.Equal(["dueDate=2025-06-30", "status=done", "title=Forage"], FieldsOf(dated.Find(PlanEntityKind.Milestone, "m1")!));
        Assert.Equal(["dueDate=2025-06-30", "status=done"], FieldsOf(cleared.Find(PlanEntityKind.Milestone, "m1")!));
        Assert.Equal(["status=done"], FieldsOf(clearedAgain.Find(PlanEntityKind.Milestone, "m1")!));
        // The models before stay as they were: apply is pure.
        Assert.Equal(["status=planned", "title=Forage"], FieldsOf(model.Find(PlanEntityKind.Milestone, "m1")!));
    }

    [Fact]
    public void Text_edits_the_field_in_code_points_starting_from_empty()
    {
        var model = Build(Add(PlanEntityKind.Task, "t1", "a0"));

        var (inserted, _) = PlanRules.Apply(model, Text(PlanEntityKind.Task, "t1", PlanFields.Notes, TextOp.InsertAt(0, "Puits 🌍 solaire")));
        // After the emoji (one code point, two UTF-16 units): replace "solaire" with "partagé".
        var (edited, dropped) = PlanRules.Apply(inserted, Text(PlanEntityKind.Task, "t1", PlanFields.Notes,
            TextOp.Create(TextOpComponent.Retain(8), TextOpComponent.Delete(7), TextOpComponent.Insert("partagé"))));

        Assert.Null(dropped);
        Assert.Equal("Puits 🌍 solaire", inserted.Find(PlanEntityKind.Task, "t1")!.Fields[PlanFields.Notes]);
        Assert.Equal("Puits 🌍 partagé", edited.Find(PlanEntityKind.Task, "t1")!.Fields[PlanFields.Notes]);
    }

    [Fact]
    public void A_text_op_past_the_end_is_refused_on_op_text_and_the_model_is_unchanged()
    {
        var model = Build(AddSection("s1", "a0", (PlanFields.Body, "abc")));
        var before = Describe(model);

        foreach (var op in new[] { TextOp.InsertAt(4, "x"), TextOp.DeleteAt(2, 2), TextOp.Create(TextOpComponent.Retain(3), TextOpComponent.Delete(1)) })
        {
            var error = Assert.Throws<ValidationFailedException>(() => PlanRules.Apply(model, Body("s1", op)));
            Assert.Equal(["op.text"], error.Errors.Keys);
        }
        Assert.Equal(before, Describe(model));
        Assert.Equal("abc", model.Find(PlanEntityKind.Section, "s1")!.Fields[PlanFields.Body]);
        // At the very end is still inside.
        var (appended, _) = PlanRules.Apply(model, Body("s1", TextOp.InsertAt(3, "d")));
        Assert.Equal("abcd", appended.Find(PlanEntityKind.Section, "s1")!.Fields[PlanFields.Body]);
    }

    [Fact]
    public void A_text_that_would_grow_past_the_limit_is_refused_on_op_text()
    {
        var almostFull = new string('x', PlanRules.MaxTextLength - 1);
        var model = Build(AddSection("s1", "a0", (PlanFields.Body, almostFull)));

        var (full, _) = PlanRules.Apply(model, Body("s1", TextOp.InsertAt(0, "y")));
        var error = Assert.Throws<ValidationFailedException>(() => PlanRules.Apply(full, Body("s1", TextOp.InsertAt(0, "z"))));

        Assert.Equal(["op.text"], error.Errors.Keys);
        Assert.Equal(PlanRules.MaxTextLength, full.Find(PlanEntityKind.Section, "s1")!.Fields[PlanFields.Body].Length);
    }

    [Fact]
    public void An_add_past_the_entity_limit_of_its_kind_is_a_rule_violation_and_other_kinds_are_not_counted()
    {
        var model = PlanModel.Empty;
        for (var i = 0; i < PlanRules.MaxEntitiesPerKind; i++)
        {
            (model, _) = PlanRules.Apply(model, Add(PlanEntityKind.Task, $"t{i}", "a0"));
        }

        var error = Assert.Throws<RuleViolationException>(() => PlanRules.Apply(model, Add(PlanEntityKind.Task, "t-extra", "a0")));
        var (withSection, dropped) = PlanRules.Apply(model, AddSection("s1", "a0"));

        Assert.Equal("plan-entity-limit", error.Rule);
        Assert.Null(dropped);
        Assert.Equal(PlanRules.MaxEntitiesPerKind, withSection.Count(PlanEntityKind.Task));
        // A deleted entity frees its place (its id stays taken).
        var (fewer, _) = PlanRules.Apply(model, new PlanOp { Type = PlanOpType.Delete, Kind = PlanEntityKind.Task, Id = "t0" });
        var (refilled, refused) = PlanRules.Apply(fewer, Add(PlanEntityKind.Task, "t-extra", "a0"));
        Assert.Null(refused);
        Assert.Equal(PlanRules.MaxEntitiesPerKind, refilled.Count(PlanEntityKind.Task));
    }

    // ----- transform -----

    [Fact]
    public void Concurrent_inserts_at_the_same_position_converge_with_the_late_op_first()
    {
        var document = Build(AddSection("s1", "a0", (PlanFields.Body, "Kaolack")));
        var a = Body("s1", TextOp.InsertAt(3, "A"));
        var b = Body("s1", TextOp.InsertAt(3, "B"));

        // The server applied a, then b arrives late: PlanRules.Transform puts the late op on the left.
        var server = BodyOf(ApplyAll(document, a, PlanRules.Transform(b, a)));
        // The client that sent b receives a and transforms it against its own b on the right (ShareDB's convention).
        var client = BodyOf(ApplyAll(document, b, a with { Text = TextOt.Transform(a.Text!, b.Text!, Side.Right) }));

        Assert.Equal("KaoBAlack", server);
        Assert.Equal(server, client);
    }

    [Fact]
    public void A_late_insert_is_shifted_past_earlier_text_and_a_late_delete_of_text_already_deleted_is_moot()
    {
        var document = Build(AddSection("s1", "a0", (PlanFields.Body, "Kaolack et Oriental")));
        var applied = Body("s1", TextOp.InsertAt(0, "Région de "));

        var lateInsert = PlanRules.Transform(Body("s1", TextOp.InsertAt(7, " (Sénégal)")), applied);
        Assert.Equal("Région de Kaolack (Sénégal) et Oriental", BodyOf(ApplyAll(document, applied, lateInsert)));

        var deleteKaolack = Body("s1", TextOp.DeleteAt(0, 8));
        var lateDeleteSame = PlanRules.Transform(Body("s1", TextOp.DeleteAt(0, 8)), deleteKaolack);
        Assert.Equal("et Oriental", BodyOf(ApplyAll(document, deleteKaolack, lateDeleteSame)));
    }

    [Fact]
    public void Concurrent_text_ops_converge_over_random_pairs()
    {
        var random = new Random(20250101);
        for (var round = 0; round < 300; round++)
        {
            var start = RandomText(random, random.Next(0, 12));
            var document = Build(AddSection("s1", "a0", (PlanFields.Body, start)));
            var a = Body("s1", RandomOp(random, start));
            var b = Body("s1", RandomOp(random, start));

            var server = BodyOf(ApplyAll(document, a, PlanRules.Transform(b, a)));
            var client = BodyOf(ApplyAll(document, b, a with { Text = TextOt.Transform(a.Text!, b.Text!, Side.Right) }));

            Assert.True(server == client, $"round {round}: \"{start}\" a={a.Text} b={b.Text}: server \"{server}\", client \"{client}\"");
        }
    }

    [Fact]
    public void A_late_op_is_transformed_over_several_applied_ops_in_order()
    {
        var document = Build(AddSection("s1", "a0", (PlanFields.Body, "abc")));
        var first = Body("s1", TextOp.InsertAt(0, "1"));   // 1abc
        var second = Body("s1", TextOp.InsertAt(4, "2"));  // 1abc2, made on 1abc
        var late = Body("s1", TextOp.DeleteAt(1, 1));      // removes "b" of abc

        var rebased = PlanRules.Transform(PlanRules.Transform(late, first), second);

        Assert.Equal("1ac2", BodyOf(ApplyAll(document, first, second, rebased)));
        Assert.Equal(TextOp.DeleteAt(2, 1), rebased.Text);
    }

    [Fact]
    public void Text_ops_on_another_field_entity_or_kind_pass_through_unchanged()
    {
        var late = Body("s1", TextOp.InsertAt(0, "x"));
        var otherEntity = Body("s2", TextOp.InsertAt(0, "yy"));
        var otherKind = Text(PlanEntityKind.Task, "s1", PlanFields.Notes, TextOp.InsertAt(0, "yy"));
        var notes = Text(PlanEntityKind.Task, "t1", PlanFields.Notes, TextOp.InsertAt(0, "x"));

        Assert.Same(late, PlanRules.Transform(late, otherEntity));
        Assert.Same(late, PlanRules.Transform(late, otherKind));
        Assert.Same(notes, PlanRules.Transform(notes, Text(PlanEntityKind.Task, "t2", PlanFields.Notes, TextOp.InsertAt(0, "yy"))));
    }

    [Fact]
    public void Non_text_ops_pass_through_and_a_late_text_op_passes_over_non_text_ops()
    {
        var text = Body("s1", TextOp.InsertAt(0, "x"));
        var nonText = new[]
        {
            AddSection("s1", "a0", (PlanFields.Heading, "Contexte")),
            Delete("s1"),
            new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Section, Id = "s1", Order = "z" },
            Set(PlanEntityKind.Section, "s1", PlanFields.Heading, "Autre"),
        };
        foreach (var op in nonText)
        {
            Assert.Same(op, PlanRules.Transform(op, text));
            Assert.Same(text, PlanRules.Transform(text, op));
            foreach (var other in nonText)
            {
                Assert.Same(op, PlanRules.Transform(op, other));
            }
        }
    }

    [Fact]
    public void A_late_text_op_on_an_entity_deleted_meanwhile_passes_through_then_is_dropped()
    {
        var document = Build(AddSection("s1", "a0", (PlanFields.Body, "abc")));
        var (deleted, _) = PlanRules.Apply(document, Delete("s1"));
        var late = PlanRules.Transform(Body("s1", TextOp.InsertAt(3, "d")), Delete("s1"));

        var (after, dropped) = PlanRules.Apply(deleted, late);

        Assert.Equal(PlanDropReasons.EntityDeleted, dropped);
        Assert.Same(deleted, after);
    }

    // ----- helpers -----

    private static string[] Fields(Action validate) =>
        [.. Assert.Throws<ValidationFailedException>(validate).Errors.Keys.Order(StringComparer.Ordinal)];

    private static PlanModel Build(params PlanOp[] ops) => ApplyAll(PlanModel.Empty, ops);

    private static PlanModel ApplyAll(PlanModel model, params PlanOp[] ops)
    {
        foreach (var op in ops)
        {
            PlanRules.Validate(op);
            var (next, dropped) = PlanRules.Apply(model, op);
            Assert.Null(dropped);
            model = next;
        }
        return model;
    }

    private static string BodyOf(PlanModel model) => model.Find(PlanEntityKind.Section, "s1")!.Fields.GetValueOrDefault(PlanFields.Body, "");

    /// <summary>Every entity with its fields, and the deleted ids: equal strings mean equal models.</summary>
    private static string Describe(PlanModel model) =>
        $"{PlanOps.Describe(model.ToDocument())}deleted: {string.Join(", ", model.Deleted.Order(StringComparer.Ordinal))}";

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "abcdé🌍 ";
        var units = new StringBuilder();
        var points = CodePointsOf(alphabet);
        for (var i = 0; i < length; i++)
        {
            units.Append(points[random.Next(points.Length)]);
        }
        return units.ToString();
    }

    /// <summary>A random valid op over a document of that text: runs of retains, inserts and deletes.</summary>
    private static TextOp RandomOp(Random random, string document)
    {
        var remaining = CodePoints.Count(document);
        var components = new List<TextOpComponent>();
        for (var step = 0; step < 4; step++)
        {
            switch (random.Next(3))
            {
                case 0 when remaining > 0:
                    var skip = random.Next(1, remaining + 1);
                    components.Add(TextOpComponent.Retain(skip));
                    remaining -= skip;
                    break;
                case 1 when remaining > 0:
                    var count = random.Next(1, Math.Min(remaining, 3) + 1);
                    components.Add(TextOpComponent.Delete(count));
                    remaining -= count;
                    break;
                default:
                    components.Add(TextOpComponent.Insert(RandomText(random, random.Next(1, 4))));
                    break;
            }
        }
        return TextOp.Normalize(components);
    }

    private static string[] CodePointsOf(string text)
    {
        var points = new List<string>();
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            points.Add(char.IsSurrogatePair(text, i) ? text.Substring(i, 2) : text[i].ToString());
        }
        return [.. points];
    }
}
