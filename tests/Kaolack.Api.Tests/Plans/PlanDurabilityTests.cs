using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Text;
using Kaolack.Contracts.Wire;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kaolack.Api.Tests.Plans;

/// <summary>
/// An acknowledged plan op survives a real crash: the silo runs as its own OS process, is killed (SIGKILL, whole
/// process tree) in the middle of a burst of submissions, and a new process on the same storage serves every op
/// that was acknowledged before the kill.
/// </summary>
public sealed class PlanDurabilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Burst = 300;
    private const int Connections = 10;

    private readonly string serviceId = $"plan-crash-{Guid.NewGuid():N}"[..22];
    private readonly string clusterId = $"plan-crash-cluster-{Guid.NewGuid():N}"[..30];
    private readonly List<SiloProcess> silos = [];
    private AzuriteServer? azurite;

    public async Task InitializeAsync() => azurite = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_op_acknowledged_before_the_silo_process_is_killed_mid_burst_is_in_the_plan_after_a_restart()
    {
        var first = await StartSilo("first");
        var token = await first.SignInAsAdminAsync();
        var slug = Samples.Slug("plan-crash");
        using (var http = first.Client(token))
        {
            await (await http.Post($"/api/projects?slug={slug}", Samples.Project("Plan à l'épreuve du crash"))).Read<JointProject>(HttpStatusCode.Created);
        }
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                var connection = first.Hub(token);
                connections.Add(connection);
                await connection.StartAsync();
            }
            var setup = await connections[0].InvokeAsync<PlanAck>("SubmitPlanOp", slug, new PlanSubmission("setup", 1, 0, new PlanOp
            {
                Type = PlanOpType.Add,
                Kind = PlanEntityKind.Section,
                Id = "journal",
                Order = "a0",
            }));
            Assert.Equal(new PlanAck(1, null), setup);

            // Every client knows version 1 (an empty body) and inserts its marker at 0: the server transforms them.
            // Several connections, because SignalR runs one invocation per connection at a time: the grain sees
            // them concurrently and commits them in groups. The kill comes from the ack that makes half the burst.
            var acked = new ConcurrentDictionary<int, PlanAck>();
            var clock = Stopwatch.StartNew();
            TimeSpan? killedAt = null;
            var ackCount = 0;
            var calls = Enumerable.Range(0, Burst).Select(async i =>
            {
                try
                {
                    var ack = await connections[i % Connections].InvokeAsync<PlanAck>("SubmitPlanOp", slug, Submission(i));
                    acked[i] = ack;
                    if (Interlocked.Increment(ref ackCount) == Burst / 2)
                    {
                        first.Kill();
                        killedAt = clock.Elapsed;
                    }
                    return (Exception?)null;
                }
                catch (Exception exception)
                {
                    return exception;
                }
            }).ToList();
            var errors = (await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60))).OfType<Exception>().ToList();
            await first.WaitForExit();

            Assert.True(killedAt is not null, $"the burst ended ({acked.Count} acks, {errors.Count} errors) without reaching the kill: {errors.FirstOrDefault()}");
            Assert.True(errors.Count > 0, $"every op was acknowledged ({acked.Count}): the kill did not come mid-burst");
            Assert.Equal(Burst, acked.Count + errors.Count);
            Assert.All(acked.Values, ack => Assert.Null(ack.Reason));
            Assert.Equal(acked.Count, acked.Values.Select(a => a.Version).Distinct().Count());
            output.WriteLine($"killed after {Burst / 2} acks at {killedAt?.TotalMilliseconds:0} ms; {acked.Count} acks in all, {errors.Count} calls failed " +
                $"({errors.FirstOrDefault()?.GetType().Name}: {errors.FirstOrDefault()?.Message})");

            var second = await StartSilo("second");
            var secondToken = await second.SignInAsAdminAsync();
            var plan = await ReadPlan(second, secondToken, slug);
            var body = Assert.Single(plan.Document.Sections).Fields.GetValueOrDefault(PlanFields.Body, "");

            var missing = acked.Keys.Where(i => !body.Contains(Marker(i), StringComparison.Ordinal)).Order().ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} acknowledged op(s) lost in the crash: {string.Join(", ", missing)}");
            Assert.True(plan.Version >= acked.Values.Max(a => a.Version!.Value), $"plan v{plan.Version} is behind the acks");
            Assert.All(Enumerable.Range(0, Burst), i => Assert.True(Occurrences(body, Marker(i)) <= 1, $"marker {i} twice"));
            // The history was never in a snapshot (the silo died first): it comes back from the log, the burst as one text entry.
            using (var http = second.Client(secondToken))
            {
                var history = await (await http.GetAsync($"/api/projects/{slug}/plan/history?entity=journal")).Read<PlanHistoryPage>();
                Assert.Equal([(PlanOpType.Text, plan.Version), (PlanOpType.Add, 1L)], history.Entries.Select(e => (e.Change, e.Version)));
                Assert.All(history.Entries, e => Assert.Equal(second.Options.AdminEmail, e.UserId));
            }
            var survivedUnacked = Enumerable.Range(0, Burst).Count(i => !acked.ContainsKey(i) && body.Contains(Marker(i), StringComparison.Ordinal));
            output.WriteLine($"after the restart: plan v{plan.Version}, {acked.Count} acknowledged markers all present, " +
                $"{survivedUnacked} unacknowledged ones stored before the kill");

            // Clients resend what they did not hear back about, with the same client id and seq: what was stored is
            // answered (an acknowledged op with its very version), the rest is applied now, and nothing twice.
            await using var resender = second.Hub(secondToken);
            await resender.StartAsync();
            var resent = new Dictionary<int, PlanAck>();
            for (var i = 0; i < Burst; i++)
            {
                resent[i] = await resender.InvokeAsync<PlanAck>("SubmitPlanOp", slug, Submission(i));
            }
            var final = await ReadPlan(second, secondToken, slug);
            var finalBody = Assert.Single(final.Document.Sections).Fields[PlanFields.Body];

            Assert.All(acked, pair => Assert.Equal(pair.Value, resent[pair.Key]));
            Assert.Equal(Burst + 1, final.Version);
            Assert.All(Enumerable.Range(0, Burst), i => Assert.Equal(1, Occurrences(finalBody, Marker(i))));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static PlanSubmission Submission(int i) => new($"burst-{i:000}", 1, 1, new PlanOp
    {
        Type = PlanOpType.Text,
        Kind = PlanEntityKind.Section,
        Id = "journal",
        Field = PlanFields.Body,
        Text = TextOp.InsertAt(0, Marker(i)),
    });

    private static string Marker(int i) => $"<m{i:000}>";

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private async Task<SiloProcess> StartSilo(string name)
    {
        var clock = Stopwatch.StartNew();
        // Each process is a cluster of one: the new silo does not wait for the dead one's membership to expire.
        var silo = await SiloProcess.StartAsync(name, new SiloHostOptions((azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString)
        {
            ServiceId = serviceId,
            ClusterId = clusterId,
            Settings = HostSettings.UnthrottledWith(("Cluster:Clustering", "Localhost")),
        });
        silos.Add(silo);
        output.WriteLine($"{name} silo process {silo.Id} ready at {silo.BaseAddress} after {clock.Elapsed.TotalSeconds:0.0} s");
        return silo;
    }

    private static async Task<PlanSnapshot> ReadPlan(SiloProcess silo, string token, string slug)
    {
        using var http = silo.Client(token);
        return await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>();
    }
}
