using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using static Kaolack.Grains.Tests.Plans.PlanOps;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>
/// The sequencer the plan grain, the client simulations and the bench's expectations share: dedup by client id and seq,
/// the window of recent ops, transform-then-apply, replay of the log, and which sessions a snapshot may keep.
/// </summary>
public sealed class PlanSequencerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_applied_op_becomes_the_next_version_with_its_session_author_and_time()
    {
        var sequencer = new PlanSequencer(PlanModel.Empty, 0);

        var added = sequencer.Sequence(new PlanSubmission("awa", 1, 0, AddSection("s1", "a0")), "awa@example.org", Noon);
        var typed = sequencer.Sequence(new PlanSubmission("awa", 2, 1, Body("s1", TextOp.InsertAt(0, "Foire"))), "awa@example.org", Noon.AddSeconds(1));

        Assert.Equal(new PlanAck(1, null), added.Ack);
        Assert.Equal(new PlanAck(2, null), typed.Ack);
        Assert.Equal((2L, "awa", 2L, "awa@example.org", Noon.AddSeconds(1)), (typed.Change!.Version, typed.Change.ClientId, typed.Change.Seq, typed.Change.UserId, typed.Change.At));
        Assert.Equal(2, sequencer.Version);
        Assert.Equal("Foire", sequencer.Model.Text(PlanEntityKind.Section, "s1", PlanFields.Body));
        Assert.Equal([1L, 2L], sequencer.Window.Select(c => c.Version));
    }

    [Fact]
    public void A_late_op_is_transformed_over_the_ops_after_its_base_and_goes_first_at_a_tie()
    {
        var sequencer = Sequencer(AddSection("s1", "a0"), Body("s1", TextOp.InsertAt(0, "Kaolack")));

        sequencer.Sequence(new PlanSubmission("b", 1, 2, Body("s1", TextOp.InsertAt(7, " ⇄ Oujda"))), "b", Noon);
        var late = sequencer.Sequence(new PlanSubmission("c", 1, 2, Body("s1", TextOp.InsertAt(7, " (Sénégal)"))), "c", Noon);

        Assert.Equal(TextOp.InsertAt(7, " (Sénégal)"), late.Change!.Op.Text);
        Assert.Equal("Kaolack (Sénégal) ⇄ Oujda", sequencer.Model.Text(PlanEntityKind.Section, "s1", PlanFields.Body));
    }

    [Fact]
    public void A_resubmission_gets_the_first_answer_without_a_change_and_an_older_seq_is_refused()
    {
        var sequencer = Sequencer(AddSection("s1", "a0"));
        var first = sequencer.Sequence(new PlanSubmission("awa", 5, 1, Body("s1", TextOp.InsertAt(0, "x"))), "awa", Noon);

        var again = sequencer.Sequence(new PlanSubmission("awa", 5, 1, Body("s1", TextOp.InsertAt(0, "x"))), "awa", Noon);
        var older = Assert.Throws<ValidationFailedException>(() => sequencer.Sequence(new PlanSubmission("awa", 4, 1, Body("s1", TextOp.InsertAt(0, "y"))), "awa", Noon));

        Assert.Equal(first.Ack, again.Ack);
        Assert.Null(again.Change);
        Assert.Equal(["seq"], older.Errors.Keys);
        Assert.Equal("x", sequencer.Model.Text(PlanEntityKind.Section, "s1", PlanFields.Body));
        Assert.Equal(2, sequencer.Version);
    }

    [Fact]
    public void An_op_on_an_entity_deleted_meanwhile_is_dropped_remembered_and_changes_nothing()
    {
        var sequencer = Sequencer(AddSection("s1", "a0"), Delete("s1"));

        var dropped = sequencer.Sequence(new PlanSubmission("late", 1, 1, Body("s1", TextOp.InsertAt(0, "x"))), "late", Noon);
        var resubmitted = sequencer.Sequence(new PlanSubmission("late", 1, 1, Body("s1", TextOp.InsertAt(0, "x"))), "late", Noon);

        Assert.Equal(new PlanAck(null, PlanDropReasons.EntityDeleted), dropped.Ack);
        Assert.Null(dropped.Change);
        Assert.Equal(dropped.Ack, resubmitted.Ack);
        Assert.Equal(2, sequencer.Version);
        Assert.Equal(2, sequencer.Window.Count);
    }

    [Fact]
    public void A_base_ahead_of_the_plan_is_refused_as_ahead_of_server_and_one_older_than_the_window_must_resync()
    {
        var sequencer = new PlanSequencer(PlanModel.Empty, 0, windowLimit: 3);
        for (var i = 1; i <= 5; i++)
        {
            sequencer.Sequence(new PlanSubmission("w", i, i - 1, AddSection($"s{i}", "a0")), "w", Noon);
        }

        var ahead = Assert.Throws<RuleViolationException>(() => sequencer.Sequence(new PlanSubmission("x", 1, 6, Delete("s1")), "x", Noon));
        var old = Assert.Throws<RuleViolationException>(() => sequencer.Sequence(new PlanSubmission("x", 1, 1, Delete("s1")), "x", Noon));
        var oldestAccepted = sequencer.Sequence(new PlanSubmission("x", 1, 2, Delete("s1")), "x", Noon);

        Assert.Equal("ahead-of-server", ahead.Rule);
        Assert.Contains("version 5", ahead.Message, StringComparison.Ordinal);
        Assert.Equal("resync", old.Rule);
        Assert.Equal(6, oldestAccepted.Ack.Version);
        Assert.Equal([4L, 5L, 6L], sequencer.Window.Select(c => c.Version));
    }

    [Fact]
    public void Ops_sequenced_together_apply_all_or_none_and_leave_out_those_the_rules_drop()
    {
        var sequencer = Sequencer(AddSection("s1", "a0"));
        var fits = Body("s1", TextOp.InsertAt(0, "ok"));
        var tooLong = Body("s1", TextOp.InsertAt(5, "hors du texte"));

        Assert.Throws<ValidationFailedException>(() => sequencer.SequenceAll("restore", [fits, tooLong], "admin", Noon));
        Assert.Equal(1, sequencer.Version);
        Assert.Equal("", sequencer.Model.Text(PlanEntityKind.Section, "s1", PlanFields.Body));

        var changes = sequencer.SequenceAll("restore", [fits, Delete("missing"), AddSection("s2", "b0")], "admin", Noon);

        Assert.Equal([(2L, 1L), (3L, 2L)], changes.Select(c => (c.Version, c.Seq)));
        Assert.All(changes, c => Assert.Equal(("restore", "admin"), (c.ClientId, c.UserId)));
        Assert.Equal(3, sequencer.Version);
    }

    [Fact]
    public void Restoring_the_log_fills_the_window_up_to_the_model_then_replays_the_rest_with_its_sessions()
    {
        var writer = Sequencer(AddSection("s1", "a0"), Body("s1", TextOp.InsertAt(0, "ab")), Body("s1", TextOp.InsertAt(2, "c")));
        var logged = writer.Window.ToList();
        var snapshotAtOne = new PlanSequencer(Sequencer(AddSection("s1", "a0")).Model, 1);

        snapshotAtOne.Restore(logged);

        Assert.Equal(3, snapshotAtOne.Version);
        Assert.Equal("abc", snapshotAtOne.Model.Text(PlanEntityKind.Section, "s1", PlanFields.Body));
        Assert.Equal([1L, 2L, 3L], snapshotAtOne.Window.Select(c => c.Version));
        Assert.Equal(new PlanClientRecord(3, new PlanAck(3, null), Noon), snapshotAtOne.Clients["w"]);
        var resubmitted = snapshotAtOne.Sequence(new PlanSubmission("w", 3, 2, Body("s1", TextOp.InsertAt(2, "c"))), "w", Noon);
        Assert.Null(resubmitted.Change);
    }

    [Fact]
    public void A_log_that_jumps_a_version_or_holds_an_op_that_no_longer_applies_is_refused()
    {
        var logged = Sequencer(AddSection("s1", "a0"), Body("s1", TextOp.InsertAt(0, "ab")), Delete("s1")).Window.ToList();

        var gap = Assert.Throws<InvalidDataException>(() => new PlanSequencer(PlanModel.Empty, 0).Restore([logged[0], logged[2]]));
        var stale = Assert.Throws<InvalidDataException>(() => new PlanSequencer(PlanModel.Empty, 0).Restore([logged[0], logged[1] with { Op = Body("s1", TextOp.InsertAt(9, "x")) }]));

        Assert.Contains("v1 to v3", gap.Message, StringComparison.Ordinal);
        Assert.Contains("v2", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_lost_segment_the_window_keeps_only_the_ops_after_the_gap()
    {
        var logged = Sequencer(AddSection("s1", "a0"), AddSection("s2", "b0"), AddSection("s3", "c0"), AddSection("s4", "d0")).Window.ToList();
        var snapshotAtFour = new PlanSequencer(PlanModel.Empty, 4);

        snapshotAtFour.Restore([logged[0], logged[2], logged[3]]);

        Assert.Equal([3L, 4L], snapshotAtFour.Window.Select(c => c.Version));
        Assert.Throws<RuleViolationException>(() => snapshotAtFour.Sequence(new PlanSubmission("x", 1, 1, Delete("s1")), "x", Noon));
    }

    [Fact]
    public void A_snapshot_keeps_only_sessions_whose_last_answer_is_an_op_applied_up_to_its_version()
    {
        var sequencer = Sequencer(AddSection("s1", "a0"), Delete("s1"));
        sequencer.Sequence(new PlanSubmission("dropped", 1, 1, Body("s1", TextOp.InsertAt(0, "x"))), "d", Noon);
        sequencer.Sequence(new PlanSubmission("later", 1, 2, AddSection("s2", "b0")), "l", Noon);

        Assert.Equal(["w"], sequencer.ClientsUpTo(2).Keys);
        Assert.Equal(["later", "w"], sequencer.ClientsUpTo(3).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Past_the_client_limit_the_sessions_seen_least_recently_are_forgotten()
    {
        var sequencer = new PlanSequencer(PlanModel.Empty, 0, clientLimit: 2);
        for (var i = 1; i <= 3; i++)
        {
            sequencer.Sequence(new PlanSubmission($"c{i}", 1, i - 1, AddSection($"s{i}", "a0")), "u", Noon.AddSeconds(i));
        }

        Assert.Equal(["c2", "c3"], sequencer.Clients.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>A sequencer after one session "w" applied <paramref name="ops"/>, each on the version before it.</summary>
    private static PlanSequencer Sequencer(params PlanOp[] ops)
    {
        var sequencer = new PlanSequencer(PlanModel.Empty, 0);
        for (var i = 0; i < ops.Length; i++)
        {
            Assert.NotNull(sequencer.Sequence(new PlanSubmission("w", i + 1, i, ops[i]), "w", Noon).Change);
        }
        return sequencer;
    }
}
