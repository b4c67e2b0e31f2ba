using System.Diagnostics;
using Kaolack.Contracts.Plans;
using Kaolack.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kaolack.Client.Tests;

/// <summary>
/// Plan clients over real SignalR connections to real silos on Azurite edit one plan at once, drop offline
/// and come back; every one of them must end with the server's document, holding every acknowledged edit.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class PlanConvergenceTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Six_clients_editing_at_once_with_disconnects_converge_on_the_server_document()
    {
        const int seed = 20_250_611;
        var clock = Stopwatch.StartNew();
        await using var host = await SiloHost.StartAsync(LiveCollection.NewCluster(azurite, "plan-six"));
        var team = await PlanTeam.CreateAsync(host);

        var sessions = await OpenSessions(team, seed, Enumerable.Repeat(host, 6).ToArray());
        try
        {
            await Seed(sessions[0].Client);
            await Task.WhenAll(sessions.Select(s => s.RunAsync(edits: 100, maxDisconnects: 4)));
            await AssertConverged(team, [host], sessions, seed);
        }
        finally
        {
            await Task.WhenAll(sessions.Select(s => s.Client.DisposeAsync().AsTask()));
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s in all");
    }

    [Fact]
    public async Task Clients_on_two_silos_of_one_cluster_converge_on_one_plan()
    {
        const int seed = 4_242;
        var options = LiveCollection.NewCluster(azurite, "plan-two");
        await using var a = await SiloHost.StartAsync(options);
        await using var b = await SiloHost.StartAsync(options);
        await Eventually.True(() => ActiveSilos(a) == 2 && ActiveSilos(b) == 2, "both silos to see each other as active");
        var team = await PlanTeam.CreateAsync(a);

        var sessions = await OpenSessions(team, seed, [a, b, a, b]);
        try
        {
            await Seed(sessions[1].Client);
            await Task.WhenAll(sessions.Select(s => s.RunAsync(edits: 40, maxDisconnects: 1)));
            await AssertConverged(team, [a, b], sessions, seed);
        }
        finally
        {
            await Task.WhenAll(sessions.Select(s => s.Client.DisposeAsync().AsTask()));
        }
    }

    private static async Task<EditingSession[]> OpenSessions(PlanTeam team, int seed, SiloHost[] hosts)
    {
        var sessions = hosts.Select((host, i) => new EditingSession(team.Client(host, i), i, seed + i)).ToArray();
        await Task.WhenAll(sessions.Select(s => s.Client.ConnectAsync()));
        return sessions;
    }

    /// <summary>A few entities to start from, added by one client and settled before the others edit.</summary>
    private static async Task Seed(PlanClient client)
    {
        foreach (var op in RandomEditor.Seed())
        {
            client.Edit(op);
        }
        await client.WaitUntilSynchronizedAsync(SettleTimeout);
    }

    private async Task AssertConverged(PlanTeam team, SiloHost[] hosts, EditingSession[] sessions, int seed)
    {
        await Task.WhenAll(sessions.Select(s => s.Client.WaitUntilSynchronizedAsync(SettleTimeout)));
        // Nothing is pending anywhere now, so the server's plan is final; every client catches up to it.
        var snapshot = await team.SnapshotAsync(hosts[0]);
        await Task.WhenAll(sessions.Select(s => s.Client.WaitUntilSynchronizedAsync(SettleTimeout, snapshot.Version)));

        var expected = PlanDescription.Of(snapshot.Document);
        foreach (var host in hosts.Skip(1))
        {
            Assert.Equal(expected, PlanDescription.Of((await team.SnapshotAsync(host)).Document));
        }
        foreach (var session in sessions)
        {
            var client = session.Client;
            Assert.Null(client.Fault);
            Assert.Equal(snapshot.Version, client.Version);
            Assert.Equal(expected, PlanDescription.Of(client.Model));
            Assert.Equal(0, client.UnfittingOps);
            Assert.DoesNotContain(session.Discarded, d => d.Reason != PlanDropReasons.EntityDeleted);
        }
        var final = PlanModel.From(snapshot.Document);
        var (present, acked) = MarkerProperty.Check(final, sessions.Select(s => (s.Editor, s.AckedMarkers)).ToList());

        output.WriteLine(
            $"seed {seed}: v{snapshot.Version}, {sessions.Sum(s => s.Edits)} edits made, {sessions.Sum(s => s.Acknowledged)} ops acknowledged, " +
            $"{sessions.Sum(s => s.Discarded.Count)} dropped with their entity, {sessions.Sum(s => s.Disconnects)} disconnects, " +
            $"{sessions.Sum(s => s.Client.Resends)} in-flight ops resent after reconnecting, " +
            $"{sessions.Sum(s => s.Client.ConcurrentRemoteOps)} remote ops transformed against pending ones, " +
            $"{final.Count} entities, markers {present} present / {acked} expected");
        Assert.Equal(acked, present);
        Assert.True(present >= 10, $"only {present} markers survived");
        Assert.True(sessions.Sum(s => s.Disconnects) > 0, "no client dropped offline: pick another seed");
        Assert.True(sessions.Sum(s => s.Client.ConcurrentRemoteOps) > 20, "the clients hardly ever edited concurrently");
    }

    private static int ActiveSilos(SiloHost host) =>
        host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
}
