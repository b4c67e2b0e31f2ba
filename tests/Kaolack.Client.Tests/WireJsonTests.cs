using System.Text.Json;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Contracts.Wire;
using Kaolack.Testing;

namespace Kaolack.Client.Tests;

/// <summary>The client's JSON matches the server's (WireJson) for everything the plan hub exchanges.</summary>
public sealed class WireJsonTests
{
    [Fact]
    public void A_submission_reads_the_same_with_the_server_options_and_uses_the_documented_shape()
    {
        var submission = new PlanSubmission("c-5f2a", 7, 41, PlanOps.Insert(PlanEntityKind.Section, "budget", PlanFields.Body, 12, "Kaolack ⇄ Oujda"));

        var json = JsonSerializer.Serialize(submission, WireJson.Options);
        var back = JsonSerializer.Deserialize<PlanSubmission>(json, SiloHost.Json)!;

        Assert.Contains("\"type\":\"text\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"section\"", json, StringComparison.Ordinal);
        Assert.Contains("\"text\":[12,\"Kaolack", json, StringComparison.Ordinal);
        Assert.Equal(submission.Op.Text, back.Op.Text);
        Assert.Equal((submission.ClientId, submission.Seq, submission.BaseVersion), (back.ClientId, back.Seq, back.BaseVersion));
    }

    [Fact]
    public void Event_data_arriving_as_a_json_element_reads_as_a_change_or_a_snapshot()
    {
        var change = new PlanChange(3, "c", 1, "u", PlanOps.Add(PlanEntityKind.Task, "t1", "V", new Dictionary<string, string> { ["title"] = "سلام 👍🏽" }), DateTimeOffset.UnixEpoch);
        var snapshot = new PlanSnapshot(3, PlanRules.Apply(PlanModel.Empty, change.Op).Model.ToDocument());
        foreach (var (data, kind) in new (object Data, ChangeKind Kind)[] { (change, ChangeKind.Updated), (snapshot, ChangeKind.Snapshot) })
        {
            var wire = JsonSerializer.Serialize(new LiveEvent("plan:p", 3, kind, DateTimeOffset.UnixEpoch, data), SiloHost.Json);
            var received = JsonSerializer.Deserialize<LiveEvent>(wire, WireJson.Options)!;
            var element = Assert.IsType<JsonElement>(received.Data);
            if (kind == ChangeKind.Snapshot)
            {
                var read = element.Deserialize<PlanSnapshot>(WireJson.Options)!;
                Assert.Equal(PlanDescription.Of(snapshot.Document), PlanDescription.Of(read.Document));
            }
            else
            {
                var read = element.Deserialize<PlanChange>(WireJson.Options)!;
                Assert.Equal("سلام 👍🏽", read.Op.Fields!["title"]);
                Assert.Equal(PlanOpType.Add, read.Op.Type);
                Assert.Null(read.Op.Text);
            }
        }
        Assert.Equal("[1,\"x\"]", JsonSerializer.Serialize(TextOp.InsertAt(1, "x"), WireJson.Options));
    }
}
