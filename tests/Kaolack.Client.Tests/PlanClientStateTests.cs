using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Xunit.Abstractions;

namespace Kaolack.Client.Tests;

/// <summary>The client state machine against a simulated server that runs the real PlanRules.</summary>
public sealed class PlanClientStateTests(ITestOutputHelper output)
{
    private const PlanEntityKind Section = PlanEntityKind.Section;
    private const PlanEntityKind Task = PlanEntityKind.Task;

    [Fact]
    public void A_local_edit_goes_in_flight_and_later_ones_wait_in_the_buffer_composed_while_typing_in_one_text()
    {
        var server = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "ab"))));
        var client = Loaded("a", server);
        Assert.Equal(PlanSyncStatus.Synchronized, client.Status);
        Assert.Null(client.InFlight);

        client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 2, "c"));
        Assert.Equal(PlanSyncStatus.AwaitingAck, client.Status);
        Assert.Equal(new PlanSubmission("a", 1, 1, PlanOps.Insert(Section, "s1", PlanFields.Body, 2, "c")), client.InFlight, SubmissionComparer.Instance);

        client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 3, "d"));
        client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 4, "é"));
        client.Edit(PlanOps.Set(Section, "s1", PlanFields.Heading, "Titre"));
        client.Edit(PlanOps.Set(Section, "s1", PlanFields.Heading, "Titre 2"));

        Assert.Equal(PlanSyncStatus.AwaitingWithBuffer, client.Status);
        Assert.Equal(2, client.Buffer.Count);
        Assert.Equal("[3,\"dé\"]", client.Buffer[0].Text!.ToString());
        Assert.Equal("Titre 2", client.Buffer[1].Value);
        Assert.Equal("abcdé", client.Document.Text(Section, "s1", PlanFields.Body));
        Assert.Equal("ab", client.ServerDocument.Text(Section, "s1", PlanFields.Body));
        Assert.Throws<ArgumentException>(() => client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 9, "x")));
        Assert.Throws<ArgumentException>(() => client.Edit(PlanOps.Set(Section, "missing", PlanFields.Heading, "x")));
        Assert.Throws<ArgumentException>(() => client.Edit(PlanOps.Set(Section, "s1", PlanFields.Body, "x")));
        Assert.Throws<InvalidOperationException>(() => new PlanClientState("b").Edit(PlanOps.Delete(Section, "s1")));
    }

    [Fact]
    public void The_own_event_completes_the_op_in_flight_whether_the_answer_comes_before_or_after_it_and_only_then_the_next_leaves()
    {
        var server = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "ab"))));
        var answerFirst = Loaded("a", server);
        answerFirst.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 0, "1"));
        answerFirst.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 1, "2"));
        var (ack, change) = server.Submit(answerFirst.InFlight!);

        Assert.True(answerFirst.Acknowledge(1, ack).IsEmpty);
        Assert.Equal(2, answerFirst.InFlightAckedVersion);
        Assert.Equal(1, answerFirst.InFlight!.Seq);
        var completed = answerFirst.Receive(change!);
        Assert.Equal(2, Assert.Single(completed.Acknowledged).Ack.Version);
        Assert.Equal(2, answerFirst.InFlight!.Seq);
        Assert.Equal(2, answerFirst.InFlight.BaseVersion);
        Assert.Equal(PlanSyncStatus.AwaitingAck, answerFirst.Status);

        var eventFirst = Loaded("b", ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "ab")))));
        eventFirst.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 0, "1"));
        var other = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "ab"))));
        var (otherAck, otherChange) = other.Submit(eventFirst.InFlight!);
        Assert.Single(eventFirst.Receive(otherChange!).Acknowledged);
        Assert.Equal(PlanSyncStatus.Synchronized, eventFirst.Status);
        Assert.True(eventFirst.Acknowledge(1, otherAck).IsEmpty);
        Assert.Equal("1ab", eventFirst.Document.Text(Section, "s1", PlanFields.Body));
    }

    [Fact]
    public void Concurrent_inserts_at_one_place_end_in_the_same_order_everywhere_the_later_sequenced_first()
    {
        var server = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "xy"))));
        var a = Loaded("a", server);
        var b = Loaded("b", server);
        a.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 1, "A"));
        b.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 1, "B"));
        b.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 2, "b"));

        var (_, fromA) = server.Submit(a.InFlight!);
        var seenByB = b.Receive(fromA!);
        // b's pending ops go first (the server will sequence them later, on the left); the remote insert lands after them.
        Assert.Equal("[3,\"A\"]", Assert.Single(seenByB.Effects).Text!.ToString());
        Assert.Equal("xBbAy", b.Document.Text(Section, "s1", PlanFields.Body));
        a.Receive(fromA!);
        DeliverAll(server, a, b);

        AssertConverged(server, a, b);
        Assert.Equal("xBbAy", a.Document.Text(Section, "s1", PlanFields.Body));
    }

    [Fact]
    public void Scalars_are_last_writer_wins_in_server_order_and_a_pending_local_set_stays_visible_until_applied()
    {
        var server = ServerWith(PlanOps.Add(Task, "t1", "V", Fields((PlanFields.Title, "start"))));
        var a = Loaded("a", server);
        var b = Loaded("b", server);
        a.Edit(PlanOps.Set(Task, "t1", PlanFields.Title, "from a"));
        b.Edit(PlanOps.Set(Task, "t1", PlanFields.Title, "from b"));

        var (_, fromA) = server.Submit(a.InFlight!);
        var seenByB = b.Receive(fromA!);
        Assert.Empty(seenByB.Effects);
        Assert.Equal("from b", b.Document.Find(Task, "t1")!.Fields[PlanFields.Title]);
        Assert.Equal("from a", b.ServerDocument.Find(Task, "t1")!.Fields[PlanFields.Title]);
        a.Receive(fromA!);
        var (_, fromB) = server.Submit(b.InFlight!);
        a.Receive(fromB!);
        b.Receive(fromB!);

        AssertConverged(server, a, b);
        Assert.Equal("from b", a.Document.Find(Task, "t1")!.Fields[PlanFields.Title]);
        Assert.All(new[] { a, b }, c => Assert.Equal(PlanSyncStatus.Synchronized, c.Status));
    }

    [Fact]
    public void A_remote_delete_takes_the_pending_edits_of_its_entity_along_and_the_server_drops_the_one_in_flight()
    {
        var server = ServerWith(
            PlanOps.Add(Task, "t1", "V", Fields((PlanFields.Notes, "n"))),
            PlanOps.Add(Task, "t2", "W", Fields((PlanFields.Title, "two"))));
        var a = Loaded("a", server);
        var b = Loaded("b", server);
        b.Edit(PlanOps.Insert(Task, "t1", PlanFields.Notes, 1, "[[c1-1]]"));
        b.Edit(PlanOps.Set(Task, "t1", PlanFields.Status, "doing"));
        b.Edit(PlanOps.Set(Task, "t2", PlanFields.Status, "done"));
        a.Edit(PlanOps.Delete(Task, "t1"));

        var (_, delete) = server.Submit(a.InFlight!);
        var seen = b.Receive(delete!);
        Assert.Null(b.Document.Find(Task, "t1"));
        Assert.Equal(PlanDropReasons.EntityDeleted, Assert.Single(seen.Discarded).Reason);
        Assert.Equal(PlanOpType.Text, b.InFlight!.Op.Type);
        Assert.Single(b.Buffer);

        var (dropped, none) = server.Submit(b.InFlight!);
        Assert.Null(none);
        Assert.Equal(new PlanAck(null, PlanDropReasons.EntityDeleted), dropped);
        var answered = b.Acknowledge(b.InFlight!.Seq, dropped);
        Assert.Equal(PlanOpType.Text, Assert.Single(answered.Discarded).Op.Type);
        Assert.Equal("t2", b.InFlight!.Op.Id);
        a.Receive(delete!);
        DeliverAll(server, a, b);

        AssertConverged(server, a, b);
        Assert.Equal("done", a.Document.Find(Task, "t2")!.Fields[PlanFields.Status]);
    }

    [Fact]
    public void A_drop_answered_before_the_delete_arrives_hides_the_entity_at_once_and_discards_the_buffered_edits_on_it()
    {
        var server = ServerWith(
            PlanOps.Add(Task, "t1", "V", Fields((PlanFields.Notes, "n"))),
            PlanOps.Add(Task, "t2", "W", Fields((PlanFields.Title, "two"))));
        var a = Loaded("a", server);
        var b = Loaded("b", server);
        a.Edit(PlanOps.Delete(Task, "t1"));
        var (_, delete) = server.Submit(a.InFlight!);
        b.Edit(PlanOps.Insert(Task, "t1", PlanFields.Notes, 0, "x"));
        b.Edit(PlanOps.Insert(Task, "t1", PlanFields.Notes, 1, "y"));
        b.Edit(PlanOps.Set(Task, "t2", PlanFields.Title, "deux"));

        var (dropped, _) = server.Submit(b.InFlight!);
        var answered = b.Acknowledge(b.InFlight!.Seq, dropped);

        Assert.Equal(2, answered.Discarded.Count);
        Assert.Null(b.Document.Find(Task, "t1"));
        Assert.NotNull(b.ServerDocument.Find(Task, "t1"));
        Assert.Equal("t2", b.InFlight!.Op.Id);
        Assert.Equal(2, b.InFlight.Seq);
        b.Receive(delete!);
        Assert.Null(b.Document.Find(Task, "t1"));
        a.Receive(delete!);
        DeliverAll(server, a, b);
        AssertConverged(server, a, b);
    }

    [Fact]
    public void A_pending_local_delete_hides_remote_edits_of_its_entity()
    {
        var server = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "body"))));
        var a = Loaded("a", server);
        var b = Loaded("b", server);
        a.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 4, "!"));
        b.Edit(PlanOps.Delete(Section, "s1"));

        var (_, edit) = server.Submit(a.InFlight!);
        var seen = b.Receive(edit!);

        Assert.Empty(seen.Effects);
        Assert.Null(b.Document.Find(Section, "s1"));
        Assert.Equal("body!", b.ServerDocument.Text(Section, "s1", PlanFields.Body));
        a.Receive(edit!);
        DeliverAll(server, a, b);
        AssertConverged(server, a, b);
        Assert.Empty(a.Document.Entities);
    }

    [Fact]
    public void Events_past_a_missing_version_wait_for_it_and_repeated_ones_are_ignored()
    {
        var server = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, ""))));
        var reader = Loaded("reader", server);
        var writer = Loaded("writer", server);
        var changes = new List<PlanChange>();
        for (var i = 0; i < 3; i++)
        {
            writer.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, i, $"{i}"));
            var (_, change) = server.Submit(writer.InFlight!);
            writer.Receive(change!);
            changes.Add(change!);
        }

        reader.Receive(changes[2]);
        reader.Receive(changes[1]);
        Assert.True(reader.HasGap);
        Assert.Equal(1, reader.Version);
        Assert.Equal(2, reader.NextVersion);
        var filled = reader.Receive(changes[0]);
        Assert.Equal(3, filled.Effects.Count);
        Assert.False(reader.HasGap);
        Assert.True(reader.Receive(changes[1]).IsEmpty);
        AssertConverged(server, reader, writer);
    }

    [Fact]
    public void After_a_reconnect_the_op_in_flight_is_resent_with_its_seq_and_the_server_answers_without_applying_it_twice()
    {
        var server = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "ab"))));
        var client = Loaded("a", server);
        client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 1, "[[c0-1]]"));
        var first = client.InFlight!;
        var (ack, change) = server.Submit(first);
        // The connection drops: neither the answer nor the event arrives. After catching up...
        var resent = client.InFlight!;
        var (again, duplicate) = server.Submit(resent);

        Assert.Equal(first.Seq, resent.Seq);
        Assert.Equal(ack, again);
        Assert.Null(duplicate);
        Assert.Equal(2, server.Version);
        client.Receive(change!);
        client.Acknowledge(resent.Seq, again);
        AssertConverged(server, client);
        Assert.Equal("a[[c0-1]]b", client.Document.Text(Section, "s1", PlanFields.Body));
    }

    [Fact]
    public void A_snapshot_after_too_many_missed_ops_rebases_the_pending_text_edits_onto_it()
    {
        var server = ServerWith(3, PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "0123456789"))));
        var late = Loaded("late", server);
        var busy = Loaded("busy", server);
        late.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 5, "[[c1-1]]"));
        late.Edit(PlanOps.Remove(Section, "s1", PlanFields.Body, 8 + 8, 2));
        late.Edit(PlanOps.Set(Section, "s1", PlanFields.Heading, "late"));
        for (var i = 0; i < 6; i++)
        {
            busy.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 0, "مرحبا"));
            var (_, change) = server.Submit(busy.InFlight!);
            busy.Receive(change!);
        }

        Assert.Throws<Kaolack.Contracts.Errors.RuleViolationException>(() => server.Submit(late.InFlight!));
        var reloaded = late.Load(server.Snapshot());
        Assert.True(reloaded.Reloaded);
        Assert.Empty(reloaded.Discarded);
        Assert.Equal(string.Concat(Enumerable.Repeat("مرحبا", 6)) + "01234[[c1-1]]567", late.Document.Text(Section, "s1", PlanFields.Body));
        DeliverAll(server, late, busy);

        AssertConverged(server, late, busy);
        Assert.Equal("late", busy.Document.Find(Section, "s1")!.Fields[PlanFields.Heading]);
        Assert.Equal(0, late.UnfittingOps);
    }

    [Fact]
    public void A_snapshot_keeps_an_op_the_server_acknowledged_inside_it_as_done()
    {
        var server = ServerWith(2, PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "ab"))));
        var client = Loaded("a", server);
        client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 2, "!"));
        client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 3, "?"));
        var (ack, _) = server.Submit(client.InFlight!);
        var other = Loaded("other", server);
        for (var i = 0; i < 4; i++)
        {
            other.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 0, "+"));
            var (_, change) = server.Submit(other.InFlight!);
            other.Receive(change!);
        }

        client.Acknowledge(1, ack);
        var reloaded = client.Load(server.Snapshot());

        Assert.Single(reloaded.Acknowledged);
        Assert.Equal(2, client.InFlight!.Seq);
        Assert.Equal("++++ab!?", client.Document.Text(Section, "s1", PlanFields.Body));
        DeliverAll(server, client, other);
        AssertConverged(server, client, other);
    }

    [Fact]
    public void Cursors_follow_remote_text_through_the_pending_ops()
    {
        var server = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "hello world"))));
        var a = Loaded("a", server);
        var b = Loaded("b", server);
        b.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 0, ">> "));
        a.Edit(PlanOps.Remove(Section, "s1", PlanFields.Body, 0, 6));
        var (_, change) = server.Submit(a.InFlight!);

        // b's caret before "world" (local 9, server 6) stays before it.
        var caret = 9;
        foreach (var effect in b.Receive(change!).Effects)
        {
            caret = PlanClientState.TransformCursor(Section, "s1", PlanFields.Body, caret, effect);
        }
        Assert.Equal(">> world", b.Document.Text(Section, "s1", PlanFields.Body));
        Assert.Equal(3, caret);
        // A remote caret after the "w" of the server's "world" (1) is after ">> w" locally.
        Assert.Equal(4, b.ServerToLocalCursor(Section, "s1", PlanFields.Body, 1));
    }

    [Fact]
    public void A_local_cursor_is_taken_back_through_the_pending_ops_to_where_the_server_document_has_it()
    {
        var server = ServerWith(PlanOps.Add(Section, "s1", "V", Fields((PlanFields.Body, "Kaolack Oujda"))));
        var client = Loaded("a", server);
        client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 0, "🌍 "));   // in flight
        client.Edit(PlanOps.Remove(Section, "s1", PlanFields.Body, 9, 1));      // buffered: the space before "Oujda"
        client.Edit(PlanOps.Insert(Section, "s1", PlanFields.Body, 9, " ⇄ "));   // composed into the buffer
        Assert.Equal("🌍 Kaolack ⇄ Oujda", client.Document.Text(Section, "s1", PlanFields.Body));

        int Server(int local) => client.LocalToServerCursor(Section, "s1", PlanFields.Body, local);

        // In code points: before anything, inside and right after the local insert, in the retained text, after the end.
        Assert.Equal(0, Server(0));
        Assert.Equal(0, Server(1));
        Assert.Equal(0, Server(2));
        Assert.Equal(4, Server(6));       // "Kaol|ack" locally and on the server
        Assert.Equal(7, Server(9));       // where the replaced space was
        Assert.Equal(13, Server(17));     // the end
        // Another field, or no pending op on it, is untouched.
        Assert.Equal(5, client.LocalToServerCursor(Section, "s1", PlanFields.Heading, 5));
        // Outside local inserts, the way back and the way forth (what remote cursors go through) agree.
        foreach (var local in new[] { 0, 3, 4, 5, 6, 8, 13, 17 })
        {
            Assert.Equal(local, client.ServerToLocalCursor(Section, "s1", PlanFields.Body, Server(local)));
        }
    }

    [Theory]
    [InlineData("[3,\"ab\"]", 0, 0)]
    [InlineData("[3,\"ab\"]", 3, 3)]
    [InlineData("[3,\"ab\"]", 4, 3)]
    [InlineData("[3,\"ab\"]", 5, 3)]
    [InlineData("[3,\"ab\"]", 6, 4)]
    [InlineData("[2,{\"d\":3}]", 2, 2)]
    [InlineData("[2,{\"d\":3}]", 3, 6)]
    [InlineData("[{\"d\":1},\"x\"]", 1, 1)]
    [InlineData("[{\"d\":1},\"x\"]", 2, 2)]
    public void A_position_after_an_op_maps_to_its_position_before_it(string op, int after, int before)
    {
        Assert.Equal(before, PlanClientState.CursorBefore(after, TextOp.Parse(op)));
    }

    [Fact]
    public void A_refused_op_is_discarded_with_the_buffered_edits_of_its_entity()
    {
        var server = ServerWith(PlanOps.Add(Task, "t1", "V", Fields((PlanFields.Notes, ""))));
        var client = Loaded("a", server);
        client.Edit(PlanOps.Insert(Task, "t1", PlanFields.Notes, 0, "abc"));
        client.Edit(PlanOps.Remove(Task, "t1", PlanFields.Notes, 0, 1));
        client.Edit(PlanOps.Add(Task, "t2", "W"));

        var refused = client.Reject(1, "validation-failed: test");

        Assert.Equal(2, refused.Discarded.Count);
        Assert.StartsWith(PlanDropReasons.Rejected, refused.Discarded[0].Reason, StringComparison.Ordinal);
        Assert.Equal("", client.Document.Text(Task, "t1", PlanFields.Notes));
        Assert.Equal("t2", client.InFlight!.Op.Id);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_interleavings_with_drops_and_reconnects_converge_on_the_server_document(int seed)
    {
        // Every third seed keeps a tiny log, so reconnects need snapshots and late ops are told to resync.
        var network = new SimulatedNetwork(clients: 4, seed, logLimit: seed % 3 == 0 ? 6 : 2000);
        var setup = network.Clients[0];
        foreach (var op in RandomEditor.Seed())
        {
            network.Edit(setup, op);
        }
        Assert.True(network.Drain(), "setup did not settle");

        for (var step = 0; step < 600; step++)
        {
            network.Step();
        }
        Assert.True(network.Drain(), $"seed {seed}: not settled");

        var expected = PlanDescription.Of(network.Server.Snapshot().Document);
        foreach (var client in network.Clients)
        {
            Assert.Equal(PlanSyncStatus.Synchronized, client.State.Status);
            Assert.Equal(network.Server.Version, client.State.Version);
            Assert.Equal(expected, PlanDescription.Of(client.State.Document));
            Assert.Equal(0, client.State.UnfittingOps);
            Assert.DoesNotContain(client.Discarded, d => d.Reason.StartsWith(PlanDropReasons.Rejected, StringComparison.Ordinal));
        }
        var (present, acked) = MarkerProperty.Check(
            PlanModel.From(network.Server.Snapshot().Document),
            network.Clients.Select(c => (c.Editor, (IReadOnlySet<string>)c.AckedMarkers)).ToList());
        output.WriteLine(
            $"seed {seed}: v{network.Server.Version}, {network.Clients.Sum(c => c.Applied)} acknowledged, " +
            $"{network.Clients.Sum(c => c.Discarded.Count)} discarded ({string.Join(", ", network.Clients.SelectMany(c => c.Discarded).GroupBy(d => d.Reason).Select(g => $"{g.Key} {g.Count()}"))}), " +
            $"{network.Reconnects} reconnects, {network.Resyncs} resyncs, markers {present} present / {acked} expected");
        Assert.True(present >= 5 && present == acked, $"seed {seed}: {present} markers present, {acked} expected");
        Assert.True(network.Server.Version > 60, $"seed {seed}: only {network.Server.Version} ops applied");
    }

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 30; seed++)
        {
            seeds.Add(seed);
        }
        return seeds;
    }

    // ----- helpers -----

    private static System.Collections.Immutable.ImmutableDictionary<string, string> Fields(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value).ToImmutableDictionaryOrdinal();

    private static SimulatedServer ServerWith(params PlanOp[] ops) => ServerWith(2000, ops);

    private static SimulatedServer ServerWith(int logLimit, params PlanOp[] ops)
    {
        var server = new SimulatedServer(logLimit);
        var seq = 0L;
        foreach (var op in ops)
        {
            server.Submit(new PlanSubmission("seed", ++seq, server.Version, op));
        }
        return server;
    }

    private static PlanClientState Loaded(string clientId, SimulatedServer server)
    {
        var state = new PlanClientState(clientId);
        state.Load(server.Snapshot());
        return state;
    }

    /// <summary>Sends every pending op of every client and delivers every change to all, until nothing is left (bounded).</summary>
    private static void DeliverAll(SimulatedServer server, params PlanClientState[] clients)
    {
        for (var round = 0; round < 100; round++)
        {
            foreach (var client in clients)
            {
                foreach (var change in server.Log.Where(c => c.Version > client.Version))
                {
                    client.Receive(change);
                }
            }
            var sender = clients.FirstOrDefault(c => c.InFlight is not null);
            if (sender is null)
            {
                return;
            }
            var submission = sender.InFlight!;
            var (ack, _) = server.Submit(submission);
            sender.Acknowledge(submission.Seq, ack);
        }
        Assert.Fail("ops kept coming");
    }

    private static void AssertConverged(SimulatedServer server, params PlanClientState[] clients)
    {
        var expected = PlanDescription.Of(server.Snapshot().Document);
        foreach (var client in clients)
        {
            Assert.Equal(PlanSyncStatus.Synchronized, client.Status);
            Assert.Equal(server.Version, client.Version);
            Assert.Equal(expected, PlanDescription.Of(client.Document));
        }
    }

    /// <summary>Submissions compared by value (records hold an ImmutableDictionary and a TextOp).</summary>
    private sealed class SubmissionComparer : IEqualityComparer<PlanSubmission?>
    {
        public static SubmissionComparer Instance { get; } = new();

        public bool Equals(PlanSubmission? x, PlanSubmission? y) =>
            x is not null && y is not null && x.ClientId == y.ClientId && x.Seq == y.Seq && x.BaseVersion == y.BaseVersion
            && x.Op.Type == y.Op.Type && x.Op.Kind == y.Op.Kind && x.Op.Id == y.Op.Id && x.Op.Field == y.Op.Field && x.Op.Text == y.Op.Text;

        public int GetHashCode(PlanSubmission? obj) => obj?.Seq.GetHashCode() ?? 0;
    }
}

internal static class DictionaryExtensions
{
    public static System.Collections.Immutable.ImmutableDictionary<string, string> ToImmutableDictionaryOrdinal(this Dictionary<string, string> fields) =>
        System.Collections.Immutable.ImmutableDictionary.CreateRange(StringComparer.Ordinal, fields);
}
