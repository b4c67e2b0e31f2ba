using Kaolack.Contracts.Plans;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Client.Tests;

/// <summary>PlanClient against a real silo, in situations the random runs reach only by chance.</summary>
[Collection(LiveCollection.Name)]
public sealed class PlanClientTests(AzuriteFixture azurite) : LivePlanTests(azurite, "plan-client")
{
    [Fact]
    public async Task An_op_made_offline_whose_answer_was_lost_is_recognised_in_the_catch_up_and_applied_once()
    {
        await using var client = Team.Client(Host, 0);
        await client.ConnectAsync();
        client.Edit(PlanOps.Add(PlanEntityKind.Section, "s1", "V", new Dictionary<string, string> { [PlanFields.Body] = "ab" }));
        await client.WaitUntilSynchronizedAsync(Timeout);

        await client.DisconnectAsync();
        client.Edit(PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 1, "[[c0-1]]"));
        client.Edit(PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 0, "سلام "));
        Assert.Equal(PlanSyncStatus.AwaitingWithBuffer, client.Status);
        // The op reached the server but its answer was lost with the connection: another connection sends it, twice.
        var lost = client.InFlight!;
        await using (var raw = Host.CreateHubConnection(Team.Editors[0].Token))
        {
            await raw.StartAsync();
            var first = await raw.InvokeAsync<PlanAck>("SubmitPlanOp", Team.Slug, lost);
            var again = await raw.InvokeAsync<PlanAck>("SubmitPlanOp", Team.Slug, lost);
            Assert.Equal(new PlanAck(2, null), first);
            Assert.Equal(first, again);
        }

        await client.ConnectAsync();
        await client.WaitUntilSynchronizedAsync(Timeout);
        var snapshot = await Team.SnapshotAsync(Host);

        Assert.Equal(3, snapshot.Version);
        Assert.Equal("سلام a[[c0-1]]b", client.Model.Text(PlanEntityKind.Section, "s1", PlanFields.Body));
        Assert.Equal(PlanDescription.Of(snapshot.Document), PlanDescription.Of(client.Model));
    }

    [Fact]
    public async Task An_edit_the_server_refuses_is_undone_locally_and_reported_and_later_edits_go_on()
    {
        await using var client = Team.Client(Host, 1);
        var discarded = new List<(PlanOp Op, string Reason)>();
        client.Updated += (_, e) =>
        {
            lock (discarded)
            {
                discarded.AddRange(e.Update.Discarded);
            }
        };
        await client.ConnectAsync();
        client.Edit(PlanOps.Add(PlanEntityKind.Task, "t1", "V", new Dictionary<string, string> { [PlanFields.Title] = "tâche" }));
        client.Edit(PlanOps.Set(PlanEntityKind.Task, "t1", PlanFields.Status, "doing"));
        client.Edit(PlanOps.Set(PlanEntityKind.Task, "t1", PlanFields.Title, new string('x', 201)));
        client.Edit(PlanOps.Add(PlanEntityKind.Section, "s2", "W"));

        await client.WaitUntilSynchronizedAsync(Timeout);
        var snapshot = await Team.SnapshotAsync(Host);

        var (op, reason) = Assert.Single(discarded);
        Assert.Equal(PlanFields.Title, op.Field);
        Assert.StartsWith($"{PlanDropReasons.Rejected}: ", reason, StringComparison.Ordinal);
        Assert.Contains("validation-failed", reason, StringComparison.Ordinal);
        Assert.Equal("tâche", client.Model.Find(PlanEntityKind.Task, "t1")!.Fields[PlanFields.Title]);
        Assert.NotNull(client.Model.Find(PlanEntityKind.Section, "s2"));
        Assert.Equal(PlanDescription.Of(snapshot.Document), PlanDescription.Of(client.Model));
    }
}
