using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Text;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Plans;
using Kaolack.Grains.Tests.Live;
using Kaolack.Testing;
using Xunit.Abstractions;
using static Kaolack.Grains.Tests.Plans.PlanOps;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>
/// The plan sequencer on the real cluster over Azurite: versions, transformation of late ops, idempotent
/// resubmission, access, group commit under concurrency, persistence across deactivation and catch-up.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PlanDocumentGrainTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private readonly IClusterClient client = fixture.Client;

    /// <summary>Creates the project, so owns it and its plan.</summary>
    private readonly Caller owner = Callers.Member("proprietaire");

    [Fact]
    public async Task Submissions_are_acknowledged_with_increasing_versions_and_the_snapshot_holds_them()
    {
        var (slug, plan) = await NewPlan();
        var editor = await Join(slug, Callers.Member("editeur"), ProjectRole.Editor);
        var admin = Callers.Admin();

        var acks = new List<PlanAck>
        {
            await plan.Submit(owner, new("a", 1, 0, AddSection("s1", "a0", (PlanFields.Heading, "Contexte")))),
            await plan.Submit(owner, new("a", 2, 1, Body("s1", TextOp.InsertAt(0, "Deux régions, un projet.")))),
            await plan.Submit(editor, new("b", 1, 2, Add(PlanEntityKind.Milestone, "m1", "a0",
                (PlanFields.Title, "Forage"), (PlanFields.DueDate, "2025-06-30"), (PlanFields.Status, "planned"), (PlanFields.OwnerRegion, "kaolack")))),
            await plan.Submit(editor, new("b", 2, 3, Add(PlanEntityKind.Task, "t1", "a0", (PlanFields.Title, "Devis"), (PlanFields.MilestoneId, "m1")))),
            await plan.Submit(admin, new("c", 1, 4, Set(PlanEntityKind.Milestone, "m1", PlanFields.Status, "in-progress"))),
            await plan.Submit(owner, new("a", 3, 5, AddSection("s0", "0", (PlanFields.Heading, "Résumé")))),
        };
        var snapshot = await plan.GetSnapshot(owner);

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], acks.Select(a => a.Version));
        Assert.All(acks, a => Assert.Null(a.Reason));
        Assert.Equal(6, snapshot.Version);
        Assert.Equal(
            "Section/s0@0: heading=Résumé\n" +
            "Section/s1@a0: body=Deux régions, un projet.; heading=Contexte\n" +
            "Milestone/m1@a0: dueDate=2025-06-30; ownerRegion=kaolack; status=in-progress; title=Forage\n" +
            "Task/t1@a0: milestoneId=m1; title=Devis\n",
            Describe(snapshot.Document));
    }

    [Fact]
    public async Task A_late_op_on_the_same_text_field_is_transformed_over_the_ops_applied_since_its_base_version()
    {
        var (_, plan) = await NewPlan();
        await plan.Submit(owner, new("setup", 1, 0, AddSection("s1", "a0", (PlanFields.Body, "Kaolack"))));

        // Three clients all saw version 1 ("Kaolack") and edit at once; the server applies them in arrival order.
        var first = await plan.Submit(owner, new("a", 1, 1, Body("s1", TextOp.InsertAt(0, "Région de "))));
        var second = await plan.Submit(owner, new("b", 1, 1, Body("s1", TextOp.InsertAt(7, " (Sénégal)"))));
        var third = await plan.Submit(owner, new("c", 1, 1, Body("s1", TextOp.InsertAt(0, "La "))));
        // A fourth saw version 2 only: its delete of "de " must not touch what the second and third inserted.
        var fourth = await plan.Submit(owner, new("d", 1, 2, Body("s1", TextOp.DeleteAt(7, 3))));

        var snapshot = await plan.GetSnapshot(owner);
        var changes = Changes(await plan.CatchUp(owner, 1));

        Assert.Equal([2L, 3L, 4L, 5L], new[] { first, second, third, fourth }.Select(a => a.Version!.Value));
        Assert.Equal("La Région Kaolack (Sénégal)", snapshot.Document.Sections.Single().Fields[PlanFields.Body]);
        // The log holds each op as applied: the second shifted past "Région de ", the third left first at 0,
        // the fourth shifted past "La ".
        Assert.Equal(
            [TextOp.InsertAt(0, "Région de "), TextOp.InsertAt(17, " (Sénégal)"), TextOp.InsertAt(0, "La "), TextOp.DeleteAt(10, 3)],
            changes.Select(c => c.Op.Text!));
        Assert.Equal(["a", "b", "c", "d"], changes.Select(c => c.ClientId));
    }

    [Fact]
    public async Task The_same_client_id_and_seq_twice_gets_the_same_ack_and_is_applied_once()
    {
        var (_, plan) = await NewPlan();
        await plan.Submit(owner, new("setup", 1, 0, AddSection("s1", "a0")));
        var insert = new PlanSubmission("session-1", 1, 1, Body("s1", TextOp.InsertAt(0, "une fois")));

        var ack = await plan.Submit(owner, insert);
        var again = await plan.Submit(owner, insert);
        // A reconnecting client resends with the base it had then; the answer is still the first one.
        var resentLater = await plan.Submit(owner, insert with { BaseVersion = 2 });
        // Both copies of one submission in flight at once.
        var pair = new PlanSubmission("session-1", 2, 2, Body("s1", TextOp.InsertAt(8, " !")));
        var both = await Task.WhenAll(plan.Submit(owner, pair), plan.Submit(owner, pair));
        var stale = await Assert.ThrowsAsync<ValidationFailedException>(() => plan.Submit(owner, insert));

        var snapshot = await plan.GetSnapshot(owner);
        Assert.Equal(new PlanAck(2, null), ack);
        Assert.Equal(ack, again);
        Assert.Equal(ack, resentLater);
        Assert.Equal([new PlanAck(3, null), new PlanAck(3, null)], both);
        Assert.Equal(["seq"], stale.Errors.Keys);
        Assert.Equal(3, snapshot.Version);
        Assert.Equal("une fois !", snapshot.Document.Sections.Single().Fields[PlanFields.Body]);
        Assert.Equal([2L, 3L], Changes(await plan.CatchUp(owner, 1)).Select(c => c.Version));
    }

    [Fact]
    public async Task An_op_on_an_entity_deleted_meanwhile_is_dropped_and_its_resubmission_gets_the_same_answer()
    {
        var (_, plan) = await NewPlan();
        await plan.Submit(owner, new("a", 1, 0, AddSection("s1", "a0", (PlanFields.Body, "abc"))));
        await plan.Submit(owner, new("a", 2, 1, Delete("s1")));

        var late = new PlanSubmission("b", 1, 1, Body("s1", TextOp.InsertAt(3, "d")));
        var dropped = await plan.Submit(owner, late);
        var again = await plan.Submit(owner, late);
        var missing = await plan.Submit(owner, new("b", 2, 2, Set(PlanEntityKind.Task, "t9", PlanFields.Title, "?")));
        var readd = await plan.Submit(owner, new("b", 3, 2, AddSection("s1", "b0")));

        Assert.Equal(new PlanAck(null, "entity-deleted"), dropped);
        Assert.Equal(dropped, again);
        Assert.Equal(new PlanAck(null, "entity-missing"), missing);
        Assert.Equal(new PlanAck(null, "entity-deleted"), readd);
        var snapshot = await plan.GetSnapshot(owner);
        Assert.Equal(2, snapshot.Version);
        Assert.Empty(snapshot.Document.Sections);
    }

    [Fact]
    public async Task A_drop_is_answered_only_once_the_delete_it_rests_on_is_durable()
    {
        var (_, plan) = await NewPlan();
        // A large plan (about 1 MB stored: four full sections, and the ops that filled them in the log), so that
        // each write takes a while.
        var filler = new string('x', PlanRules.MaxInsertLength);
        var setup = 0L;
        for (var section = 0; section < 4; section++)
        {
            await plan.Submit(owner, new("setup", ++setup, setup - 1, AddSection($"big{section}", $"b{section}")));
            for (var i = 0; i < PlanRules.MaxTextLength / PlanRules.MaxInsertLength; i++)
            {
                await plan.Submit(owner, new("setup", ++setup, setup - 1, Body($"big{section}", TextOp.InsertAt(0, filler))));
            }
        }
        await plan.Submit(owner, new("a", 1, setup, AddSection("s1", "a0", (PlanFields.Body, "abc"))));
        var beforeDelete = setup + 1;

        // The edit is dropped because of the delete, so its answer must not come before the delete is stored (and
        // published), or a crash could undo the delete after the client was told to forget its edit. To reach the
        // sequencer while the delete's write is in flight, the edit names the delete's version as its base: until
        // the delete is applied it is refused (ahead of the plan) and sent again at once.
        var delete = plan.Submit(owner, new("a", 2, beforeDelete, Delete("s1")));
        var edit = new PlanSubmission("b", 1, beforeDelete + 1, Body("s1", TextOp.InsertAt(0, "x")));
        PlanAck? dropped = null;
        for (var attempt = 0; attempt < 1000 && dropped is null; attempt++)
        {
            try
            {
                dropped = await plan.Submit(owner, edit);
            }
            catch (RuleViolationException refused) when (refused.Rule == ErrorCodes.AheadOfServerRule)
            {
                // The delete is not applied yet.
            }
        }
        // Small and immediate: what a reader is served once the edit was answered.
        var seen = await plan.CatchUp(owner, beforeDelete);

        Assert.Equal(new PlanAck(null, "entity-deleted"), dropped);
        Assert.True(seen.Version == beforeDelete + 1,
            $"the edit was dropped as deleted while the durable plan was still at v{seen.Version}, before the delete (v{beforeDelete + 1})");
        Assert.Equal(PlanOpType.Delete, Assert.IsType<PlanChange>(Assert.Single(seen.Events).Data).Op.Type);
        Assert.Equal(new PlanAck(beforeDelete + 1, null), await delete);
    }

    [Fact]
    public async Task Malformed_ops_and_text_ops_past_the_end_are_refused_and_change_nothing()
    {
        var (_, plan) = await NewPlan();
        await plan.Submit(owner, new("a", 1, 0, AddSection("s1", "a0", (PlanFields.Body, "abc"))));
        var before = await plan.GetSnapshot(owner);

        var pastEnd = await Assert.ThrowsAsync<ValidationFailedException>(() => plan.Submit(owner, new("b", 1, 1, Body("s1", TextOp.DeleteAt(2, 5)))));
        var badField = await Assert.ThrowsAsync<ValidationFailedException>(() => plan.Submit(owner, new("b", 2, 1, Set(PlanEntityKind.Section, "s1", "couleur", "rouge"))));
        var future = await Assert.ThrowsAsync<RuleViolationException>(() => plan.Submit(owner, new("b", 3, 7, Body("s1", TextOp.InsertAt(0, "x")))));
        var badSubmission = await Assert.ThrowsAsync<ValidationFailedException>(() => plan.Submit(owner, new("", 0, -1, Body("s1", TextOp.InsertAt(0, "x")))));
        var noOp = await Assert.ThrowsAsync<ValidationFailedException>(() => plan.Submit(owner, new("b", 4, 1, null!)));
        // The refused ops took no seq: the same client goes on with its next number, from the same base.
        var next = await plan.Submit(owner, new("b", 5, 1, Body("s1", TextOp.InsertAt(3, "d"))));

        Assert.Equal(["op.text"], pastEnd.Errors.Keys);
        Assert.Equal(["op.field"], badField.Errors.Keys);
        Assert.Equal(ErrorCodes.AheadOfServerRule, future.Rule);
        Assert.Equal(["baseVersion", "clientId", "seq"], badSubmission.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["op"], noOp.Errors.Keys);
        Assert.Equal(1, before.Version);
        Assert.Equal(new PlanAck(2, null), next);
        Assert.Equal("abcd", (await plan.GetSnapshot(owner)).Document.Sections.Single().Fields[PlanFields.Body]);
    }

    [Fact]
    public async Task Viewers_partners_and_strangers_are_refused_edits_and_nothing_changes()
    {
        var (slug, plan) = await NewPlan();
        var viewer = await Join(slug, Callers.Member("lecteur"), ProjectRole.Viewer);
        var stranger = Callers.Member("inconnu");
        var partner = Callers.Partner();
        await plan.Submit(owner, new("a", 1, 0, AddSection("s1", "a0", (PlanFields.Body, "abc"))));
        var before = await Read(plan);

        foreach (var refused in new[] { viewer, stranger, partner, Callers.Coach(), Callers.With("sans-role") })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() =>
                plan.Submit(refused, new($"client-{refused.UserId}", 1, 1, Body("s1", TextOp.InsertAt(0, "intrus")))));
        }
        // Readers read; the stranger and an account without a role do not.
        Assert.Equal(1, (await plan.GetSnapshot(viewer)).Version);
        Assert.Equal(1, (await plan.GetSnapshot(partner)).Version);
        await Assert.ThrowsAsync<AccessDeniedException>(() => plan.GetSnapshot(stranger));
        await Assert.ThrowsAsync<AccessDeniedException>(() => plan.CatchUp(stranger, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => plan.CatchUp(stranger, 0));

        Assert.Equal(before, await Read(plan));
        Assert.Equal(1, (await plan.CatchUp(owner, null)).Version);
    }

    [Fact]
    public async Task The_plan_of_a_project_that_does_not_exist_is_not_found()
    {
        var plan = client.GetGrain<IPlanDocumentGrain>($"plan-absent-{Samples.Token()}");
        await Assert.ThrowsAsync<EntityNotFoundException>(() => plan.GetSnapshot(Callers.Admin()));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => plan.Submit(Callers.Admin(), new("a", 1, 0, AddSection("s1", "a0"))));
    }

    [Fact]
    public async Task Two_hundred_concurrent_submissions_are_all_acknowledged_with_distinct_versions_and_all_applied()
    {
        const int count = 200;
        var (_, plan) = await NewPlan();
        await plan.Submit(owner, new("setup", 1, 0, AddSection("s1", "a0")));
        // Each client saw version 1 (an empty body) and inserts its marker at 0: transformation is the server's job.
        var submissions = Enumerable.Range(0, count)
            .Select(i => new PlanSubmission($"client-{i:000}", 1, 1, Body("s1", TextOp.InsertAt(0, Marker(i)))))
            .ToList();

        var clock = Stopwatch.StartNew();
        var acks = await Task.WhenAll(submissions.Select(s => plan.Submit(owner, s)));
        var concurrent = clock.Elapsed;

        Assert.All(acks, a => Assert.Null(a.Reason));
        Assert.Equal(Enumerable.Range(2, count).Select(v => (long)v), acks.Select(a => a.Version!.Value).Order());
        var snapshot = await plan.GetSnapshot(owner);
        var body = snapshot.Document.Sections.Single().Fields[PlanFields.Body];
        Assert.Equal(count + 1, snapshot.Version);
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(1, Occurrences(body, Marker(i))));
        Assert.Equal(count * Marker(0).Length, body.Length);
        // The order in the text is the order of the versions: each late insert at 0 went before the earlier ones.
        var byVersion = submissions.Zip(acks).OrderByDescending(p => p.Second.Version).Select(p => p.First.Op.Text!.Components[0].Text);
        Assert.Equal(string.Concat(byVersion), body);

        // The same number of ops one after the other: one storage write each.
        clock.Restart();
        for (var i = 0; i < count; i++)
        {
            await plan.Submit(owner, new("sequential", i + 1, count + 1 + i, Body("s1", TextOp.InsertAt(0, "x"))));
        }
        var sequential = clock.Elapsed;
        output.WriteLine($"{count} concurrent submissions: {concurrent.TotalMilliseconds:0} ms ({concurrent.TotalMilliseconds / count:0.00} ms/op); " +
            $"{count} sequential: {sequential.TotalMilliseconds:0} ms ({sequential.TotalMilliseconds / count:0.00} ms/op)");
    }

    [Fact]
    public async Task After_deactivation_the_plan_reads_back_identical_and_its_log_and_sessions_carry_on()
    {
        var (slug, plan) = await NewPlan();
        var ops = new[]
        {
            AddSection("s1", "a0", (PlanFields.Heading, "Contexte"), (PlanFields.Body, "Kaolack")),
            AddSection("s2", "b0", (PlanFields.Heading, "À supprimer")),
            Add(PlanEntityKind.Milestone, "m1", "a0", (PlanFields.Title, "Forage"), (PlanFields.DueDate, "2025-06-30"), (PlanFields.Status, "planned")),
            Add(PlanEntityKind.Task, "t1", "a0", (PlanFields.Title, "Devis"), (PlanFields.MilestoneId, "m1"), (PlanFields.Notes, "Trois devis 🌍")),
            Body("s1", TextOp.InsertAt(7, " et l'Oriental")),
            Delete("s2"),
            new PlanOp { Type = PlanOpType.Move, Kind = PlanEntityKind.Section, Id = "s1", Order = "c0" },
            Set(PlanEntityKind.Milestone, "m1", PlanFields.Status, "done"),
            Set(PlanEntityKind.Task, "t1", PlanFields.MilestoneId, null),
        };
        PlanAck last = null!;
        for (var i = 0; i < ops.Length; i++)
        {
            last = await plan.Submit(owner, new("a", i + 1, i, ops[i]));
        }
        var before = await Read(plan);
        var catchUpBefore = await plan.CatchUp(owner, 3);

        await Deactivate(plan);

        var after = await Read(plan);
        var catchUpAfter = await plan.CatchUp(owner, 3);
        Assert.Equal(before, after);
        Assert.Equal(Json(catchUpBefore), Json(catchUpAfter));
        Assert.Equal(9, catchUpAfter.Version);
        Assert.Equal([4L, 5L, 6L, 7L, 8L, 9L], catchUpAfter.Events.Select(e => e.Version));
        // The deleted id stays deleted, the last answer to session "a" is remembered, late ops still transform.
        Assert.Equal(new PlanAck(null, "entity-deleted"), await plan.Submit(owner, new("b", 1, 9, AddSection("s2", "z"))));
        Assert.Equal(last, await plan.Submit(owner, new("a", ops.Length, ops.Length - 1, ops[^1])));
        var late = await plan.Submit(owner, new("c", 1, 4, Body("s1", TextOp.InsertAt(7, " (Sénégal)"))));
        Assert.Equal(new PlanAck(10, null), late);
        Assert.Equal("Kaolack (Sénégal) et l'Oriental", (await plan.GetSnapshot(owner)).Document.Sections.Single().Fields[PlanFields.Body]);
        Assert.NotEmpty(slug);
    }

    [Fact]
    public async Task A_new_activation_before_any_snapshot_replays_the_log_across_its_segments_sessions_and_history_included()
    {
        var (slug, plan) = await NewPlan();
        await plan.Submit(owner, new("a", 1, 0, AddSection("s1", "a0")));
        // One commit per op: three times as many blocks as a segment holds.
        const int edits = ClusterFixture.PlanSegmentBlocks * 3;
        PlanAck last = null!;
        for (var i = 1; i <= edits; i++)
        {
            last = await plan.Submit(owner, new("a", i + 1, i, Body("s1", TextOp.InsertAt(0, Marker(i)))));
        }
        var written = await Read(plan);
        var segments = new List<string>();
        var container = new BlobContainerClient(fixture.StorageConnectionString, GrainSetup.PlanLogContainer(fixture.ServiceId));
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, PlanLogSegments.Prefix(slug), CancellationToken.None))
        {
            segments.Add(blob.Name);
        }

        // A cluster of its own on the same storage activates the plan from storage alone, as after a crash: no
        // snapshot was written yet (fewer ops than SnapshotEveryOps, sooner than SnapshotInterval).
        await using var second = await ClusterFixture.StartClusterAsync(fixture.StorageConnectionString, fixture.ServiceId, silos: 1);
        var replayed = second.Client.GetGrain<IPlanDocumentGrain>(slug);

        Assert.True(segments.Count >= 3, $"{segments.Count} segment(s)");
        Assert.Equal(written, await Read(replayed));
        Assert.Equal(last, await replayed.Submit(owner, new("a", edits + 1, edits, Body("s1", TextOp.InsertAt(0, Marker(edits))))));
        Assert.Equal(Enumerable.Range(6, edits - 4).Select(v => (long)v), Changes(await replayed.CatchUp(owner, 5)).Select(c => c.Version));
        var history = await replayed.GetHistory(owner, "s1", null, 10);
        Assert.Equal([(PlanOpType.Text, edits + 1L), (PlanOpType.Add, 1L)], history.Entries.Select(e => (e.Change, e.Version)));
    }

    [Fact]
    public async Task After_the_configured_number_of_ops_a_snapshot_is_written_in_the_background()
    {
        var (slug, plan) = await NewPlan();
        await plan.Submit(owner, new("setup", 1, 0, Add(PlanEntityKind.Task, "t1", "a0")));
        var container = new BlobContainerClient(fixture.StorageConnectionString, GrainSetup.DocumentsContainer(fixture.ServiceId));
        async Task<long> SnapshotBytes()
        {
            await foreach (var blob in container.GetBlobsAsync())
            {
                if (blob.Name.Contains(slug, StringComparison.Ordinal) && blob.Name.Contains("plan", StringComparison.OrdinalIgnoreCase))
                {
                    return blob.Properties.ContentLength ?? 0;
                }
            }
            return 0;
        }
        var before = await SnapshotBytes();

        var ops = new PlanStorageOptions().SnapshotEveryOps + 10;
        for (var batch = 0; batch < ops; batch += 250)
        {
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(250, ops - batch)).Select(i =>
                plan.Submit(owner, new($"c{i}", 1, 1, Set(PlanEntityKind.Task, "t1", PlanFields.Title, $"titre {i}")))));
        }

        Assert.Equal(0, before);
        await Eventually.True(async () => await SnapshotBytes() > 0, "the plan's snapshot to be written");
    }

    [Fact]
    public async Task CatchUp_returns_exactly_the_missed_changes_and_a_watcher_receives_each_once_durable()
    {
        var (slug, plan) = await NewPlan();
        var viewer = await Join(slug, Callers.Member("lecteur"), ProjectRole.Viewer);
        var editor = await Join(slug, Callers.Member("editeur"), ProjectRole.Editor);
        var observer = new RecordingObserver();
        var reference = client.CreateObjectReference<ILiveObserver>(observer);
        try
        {
            Assert.Equal(0, await plan.Watch(reference));
            var submitted = new[]
            {
                (owner, new PlanSubmission("a", 1, 0, AddSection("s1", "a0", (PlanFields.Body, "abc")))),
                (editor, new PlanSubmission("b", 1, 1, Body("s1", TextOp.InsertAt(3, "d")))),
                (owner, new PlanSubmission("a", 2, 1, Body("s1", TextOp.InsertAt(0, "0")))),
                (editor, new PlanSubmission("b", 2, 3, Add(PlanEntityKind.Task, "t1", "a0", (PlanFields.Title, "Devis")))),
                (owner, new PlanSubmission("a", 3, 4, Set(PlanEntityKind.Task, "t1", PlanFields.Status, "doing"))),
            };
            foreach (var (who, submission) in submitted)
            {
                await plan.Submit(who, submission);
            }
            await Eventually.True(() => observer.Received.Count >= 5, "the watcher to receive five changes");

            var missed = await plan.CatchUp(viewer, 2);
            var upToDate = await plan.CatchUp(viewer, 5);
            var fresh = await plan.CatchUp(viewer, null);

            Assert.Equal(($"plan:{slug}", 5L), (missed.Topic, missed.Version));
            Assert.Equal([3L, 4L, 5L], missed.Events.Select(e => e.Version));
            Assert.All(missed.Events, e => Assert.Equal((ChangeKind.Updated, $"plan:{slug}"), (e.Change, e.Topic)));
            var changes = missed.Events.Select(e => Assert.IsType<PlanChange>(e.Data)).ToArray();
            Assert.Equal([(3L, "a", 2L, owner.UserId), (4L, "b", 2L, editor.UserId), (5L, "a", 3L, owner.UserId)],
                changes.Select(c => (c.Version, c.ClientId, c.Seq, c.UserId)));
            // The op as applied: the owner's insert at 0 came after the editor's at 3, which it does not move.
            Assert.Equal(Json(submitted[2].Item2.Op), Json(changes[0].Op));
            Assert.Equal(Json(submitted[3].Item2.Op), Json(changes[1].Op));
            Assert.Equal(Json(submitted[4].Item2.Op), Json(changes[2].Op));
            // The watcher got every change once, in order, the same as the catch-up.
            Assert.Equal([1L, 2L, 3L, 4L, 5L], observer.Received.Select(e => e.Version));
            Assert.Equal(Json(missed.Events), Json(observer.Received.Skip(2).ToArray()));

            Assert.Empty(upToDate.Events);
            Assert.Equal(5, upToDate.Version);
            var snapshotEvent = Assert.Single(fresh.Events);
            Assert.Equal((ChangeKind.Snapshot, 5L), (snapshotEvent.Change, snapshotEvent.Version));
            var snapshot = Assert.IsType<PlanSnapshot>(snapshotEvent.Data);
            Assert.Equal(5, snapshot.Version);
            Assert.Equal("Section/s1@a0: body=0abcd\nTask/t1@a0: status=doing; title=Devis\n", Describe(snapshot.Document));
        }
        finally
        {
            await plan.Unwatch(reference);
            client.DeleteObjectReference<ILiveObserver>(reference);
        }
    }

    [Fact]
    public async Task Past_the_window_in_memory_a_submission_from_too_old_a_base_is_told_to_resync_and_catch_up_reads_the_older_ops_from_the_log()
    {
        var (_, plan) = await NewPlan();
        await plan.Submit(owner, new("setup", 1, 0, Add(PlanEntityKind.Task, "t1", "a0")));
        const int ops = PlanSequencer.DefaultWindow + 1;
        // In batches, so each batch shares a few storage writes.
        for (var batch = 0; batch < ops; batch += 250)
        {
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(250, ops - batch)).Select(i =>
                plan.Submit(owner, new($"c{i}", 1, 1, Set(PlanEntityKind.Task, "t1", PlanFields.Title, $"titre {i}")))));
        }
        // Versions 1 .. 2002; the log holds the last 2000 (3 .. 2002), so a client at version 2 can still be rebased.
        var version = (await plan.GetSnapshot(owner)).Version;
        var before = await Read(plan);

        var resync = await Assert.ThrowsAsync<RuleViolationException>(() =>
            plan.Submit(owner, new("late", 1, 1, Set(PlanEntityKind.Task, "t1", PlanFields.Status, "done"))));
        var afterRefusal = await Read(plan);
        var accepted = await plan.Submit(owner, new("late", 1, 2, Set(PlanEntityKind.Task, "t1", PlanFields.Status, "done")));
        var catchUp = await plan.CatchUp(owner, 2);

        Assert.Equal(ops + 1, version);
        Assert.Equal("resync", resync.Rule);
        Assert.Equal(before, afterRefusal);
        Assert.Equal(new PlanAck(ops + 2, null), accepted);
        // 2,001 ops, one more than memory holds: the log has them all, in order.
        Assert.Equal(ops + 2, catchUp.Version);
        Assert.All(catchUp.Events, e => Assert.Equal(ChangeKind.Updated, e.Change));
        Assert.Equal(Enumerable.Range(3, ops).Select(v => (long)v), catchUp.Events.Select(e => e.Version));
    }

    // ----- helpers -----

    private async Task<(string Slug, IPlanDocumentGrain Plan)> NewPlan()
    {
        var slug = $"plan-{Samples.Token()}";
        await client.GetGrain<IJointProjectGrain>(slug).Create(owner, Samples.Project());
        return (slug, client.GetGrain<IPlanDocumentGrain>(slug));
    }

    private async Task<Caller> Join(string slug, Caller caller, ProjectRole role)
    {
        var project = client.GetGrain<IJointProjectGrain>(slug);
        var ticket = await project.Invite(owner, caller.UserId, role);
        await project.AcceptInvitation(caller, ticket.Token);
        return caller;
    }

    /// <summary>The plan as its owner reads it: version and every entity.</summary>
    private async Task<string> Read(IPlanDocumentGrain plan)
    {
        var snapshot = await plan.GetSnapshot(owner);
        return $"v{snapshot.Version}\n{Describe(snapshot.Document)}";
    }

    private async Task Deactivate(IPlanDocumentGrain plan)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        await Eventually.True(async () =>
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            return !fixture.Cluster.TryGetGrainContext(plan.GetGrainId(), out _);
        }, "the plan grain to be deactivated");
    }

    private static PlanChange[] Changes(CatchUp catchUp) => [.. catchUp.Events.Select(e => Assert.IsType<PlanChange>(e.Data))];

    private static string Marker(int i) => $"<{i:000}>";

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SiloHost.Json);
}
