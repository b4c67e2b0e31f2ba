using System.Diagnostics;
using Kaolack.Client;
using Kaolack.Contracts.Plans;
using Kaolack.Api.Tests.Live;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace Kaolack.Api.Tests.Cluster;

/// <summary>
/// The silo holding a plan is killed (SIGKILL) while others edit it through the surviving silo: their edits are
/// acknowledged again once the cluster has declared it dead (membership tuned for it, DECISIONS §30; loosely bounded
/// here, measured in bench/cluster), the refusals meanwhile are typed "unavailable", the survivor's /health shows the dead
/// silo suspected or dead rather than active, and others' edits arrive within a second of the first acknowledgement.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailoverTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task After_the_silo_holding_a_plan_is_killed_edits_are_acknowledged_again_and_live_within_a_second()
    {
        await using var cluster = await MixedCluster.StartAsync(ClusterCollection.NewCluster(azurite, "bascule"));
        var team = await PlanTeam.CreateAsync(cluster.Host, "plan-bascule");
        var topic = $"plan:{team.Slug}";
        await cluster.PlacePlanOnProcess(team.Slug);
        await using var writer = team.Editor.Hub(cluster.Host);
        await using var reader = team.Viewer.Hub(cluster.Host);
        var log = new LiveEventLog(reader);
        await writer.StartAsync();
        await reader.StartAsync();
        await LiveEventLog.Subscribe(reader, topic, null);
        await Submit(writer, team.Slug, 1, 0, PlanOps.Add(PlanEntityKind.Section, "s1", "a0"));
        await log.WaitForVersion(topic, 1, "the reader, before the kill");
        using var admin = team.Admin.Client(cluster.Host);
        var processSilo = cluster.ProcessAddress.ToString();

        cluster.Process.Kill();
        var sinceKill = Stopwatch.StartNew();
        var healthTask = WaitForHealthToDropTheSilo(admin, processSilo);
        var refusals = new List<string>();
        PlanAck? ack = null;
        while (ack is null && sinceKill.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                ack = await Submit(writer, team.Slug, 2, 1, PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 0, "après la panne"));
            }
            catch (HubException refused)
            {
                refusals.Add(refused.Message);
                // Back off as the clients do: the time the refusal asks for, as HubRefusal reads it.
                await Task.Delay(HubRefusal.Of(refused).WaitAfter(refusals.Count));
            }
        }
        var failover = sinceKill.Elapsed;
        var sinceAck = Stopwatch.StartNew();
        await log.WaitForVersion(topic, 2, "the reader to receive the first edit after the fail-over");
        var live = sinceAck.Elapsed;
        var healthSaw = await healthTask;
        output.WriteLine($"acknowledged again {failover.TotalSeconds:0.0} s after the kill ({refusals.Count} refusals), " +
            $"live {live.TotalMilliseconds:0} ms after the ack; /health named the silo {healthSaw.Status} after {healthSaw.At.TotalSeconds:0.0} s");

        Assert.Equal(new PlanAck(2, null), ack);
        Assert.True(failover < FailoverBound, $"acknowledged again only {failover.TotalSeconds:0.0} s after the kill");
        Assert.All(refusals, message => Assert.Contains("HubException: unavailable: ", message, StringComparison.Ordinal));
        Assert.True(live < TimeSpan.FromSeconds(1), $"the reader received v2 {live.TotalMilliseconds:0} ms after it was acknowledged");
        Assert.True(healthSaw.At < TimeSpan.FromSeconds(10), $"/health still counted the killed silo as active {healthSaw.At.TotalSeconds:0.0} s after the kill");
    }

    private static Task<PlanAck> Submit(HubConnection connection, string slug, long seq, long baseVersion, PlanOp op) =>
        connection.InvokeAsync<PlanAck>("SubmitPlanOp", slug, new PlanSubmission("redacteur", seq, baseVersion, op));

    /// <summary>When the survivor's /health first shows the killed silo as suspected or dead, and which.</summary>
    private static async Task<(string Status, TimeSpan At)> WaitForHealthToDropTheSilo(HttpClient admin, string silo)
    {
        var clock = Stopwatch.StartNew();
        string? status = null;
        await Eventually.True(async () =>
        {
            using var response = await admin.GetAsync("/health");
            var members = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("checks").GetProperty("silo").GetProperty("data").GetProperty("members");
            status = members.EnumerateArray().Select(m => m.GetString()!).Where(m => m.StartsWith(silo, StringComparison.Ordinal))
                .Select(m => m[(silo.Length + 1)..]).FirstOrDefault(s => s is "Suspected" or "Dead");
            return status is not null;
        }, "the survivor's /health to show the killed silo suspected or dead", TimeSpan.FromSeconds(60));
        return (status!, clock.Elapsed);
    }
}
