using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaolack.Api.Hosting;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Wire;
using Kaolack.Grains.Hosting;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Bench;

internal sealed record RunConfig(int Clients, int Senders, double Rate, int Seed, double WarmupS, double MeasureS, double QuiesceTimeoutS);

/// <summary>
/// One configuration: C clients on one section body, S of them sending, open loop at R ops/s; 2 s of
/// warm-up then 10 s measured (by default), then a bounded wait for quiescence and a convergence check.
/// </summary>
internal static class BenchRun
{
    private const string SectionId = "bench";
    private const int ConnectBatch = 10;

    public static async Task<JsonObject> RunAsync(RunConfig config, Uri baseAddress, string accessToken, Process? silo, Process? azurite, CancellationToken cancellationToken)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WireJson.Configure(json);
        var schedule = new Schedule(config.Rate, config.Senders, config.WarmupS, config.MeasureS);
        var C = config.Clients;
        var S = config.Senders;
        var N = schedule.N;

        // The document: a new project whose plan has one section; every client edits its body.
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        string slug;
        using (var created = await http.PostAsJsonAsync("/api/projects", new { title = "Bench" }, cancellationToken))
        {
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /api/projects answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync(cancellationToken)}");
            }
            var project = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            slug = project.GetProperty("meta").GetProperty("slug").GetString()!;
        }
        await using (var setup = BenchClient.Connect(baseAddress, accessToken))
        {
            await setup.StartAsync(cancellationToken);
            var ack = await setup.InvokeAsync<PlanAck>("SubmitPlanOp", slug, new PlanSubmission($"setup-{Guid.NewGuid():N}"[..20], 1, 0, new PlanOp
            {
                Type = PlanOpType.Add,
                Kind = PlanEntityKind.Section,
                Id = SectionId,
                Order = "a0",
                Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Heading, "Bench"),
            }), cancellationToken);
            if (ack.Version is null)
            {
                throw new InvalidOperationException($"Adding the section was dropped: {ack.Reason}");
            }
        }

        var run = new RunState(slug, SectionId, json, schedule, C);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var clients = Enumerable.Range(0, C).Select(i => new BenchClient(i, $"bench-{runId}-{i}", run)).ToArray();
        try
        {
            var connectStart = Clock.NowMs;
            for (var i = 0; i < C; i += ConnectBatch)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(60));
                await Task.WhenAll(clients.Skip(i).Take(ConnectBatch).Select(c => c.StartAsync(baseAddress, accessToken, timeout.Token)));
            }
            var connectMs = Clock.NowMs - connectStart;
            await Task.Delay(500, cancellationToken);

            // The timeline on the shared clock.
            var warmupStart = Clock.NowMs + 500;
            var measureStart = warmupStart + (config.WarmupS * 1000);
            var measureEnd = measureStart + (config.MeasureS * 1000);
            var cutoff = measureEnd + 100; // ops not submitted by then count as not sent

            var randoms = Enumerable.Range(0, S).Select(s => Mulberry32.ForSender(config.Seed, s)).ToArray();
            var sent = 0;
            var finishedSending = false;
            var scheduler = new Thread(() =>
            {
                try
                {
                    for (var g = 0; g < N; g++)
                    {
                        var due = measureStart + schedule.DueOffsetMs(g);
                        Clock.WaitUntil(due);
                        var now = Clock.NowMs;
                        if (now >= cutoff)
                        {
                            break;
                        }
                        var sender = schedule.SenderOf(g);
                        clients[sender].Insert(g, randoms[sender], now);
                        Interlocked.Increment(ref sent);
                    }
                }
                catch (Exception e)
                {
                    run.Report($"scheduler: {e}");
                }
                finally
                {
                    Volatile.Write(ref finishedSending, true);
                }
            })
            { IsBackground = true, Name = "bench-scheduler", Priority = ThreadPriority.Highest };
            scheduler.Start();

            await WaitUntilAsync(measureStart, cancellationToken);
            await Console.Error.WriteLineAsync($"[bench] measuring for {config.MeasureS} s (silo pid {silo?.Id})");
            var loadCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var machine0 = MachineCpu.Read();
            var s0 = (T: Clock.NowMs, Silo: Cpu(silo), Azurite: Cpu(azurite), Rss: Kb(silo, "VmRSS"));
            await WaitUntilAsync(measureEnd, cancellationToken);
            var s1 = (T: Clock.NowMs, Silo: Cpu(silo), Azurite: Cpu(azurite));
            var loadCpu = (Process.GetCurrentProcess().TotalProcessorTime - loadCpu0).TotalSeconds;
            var machineBusyPct = MachineCpu.BusyPctOfOneCore(machine0, MachineCpu.Read());
            var windowS = (s1.T - s0.T) / 1000;
            await WaitUntilAsync(cutoff + 20, cancellationToken);
            if (!scheduler.Join(TimeSpan.FromSeconds(5)))
            {
                run.Report("scheduler did not finish within 5 s of the cutoff");
            }

            // Quiescence: every sent op applied at every other client and nothing in flight, or the timeout.
            var quiesceStart = Clock.NowMs;
            var quiet = false;
            while (Clock.NowMs - quiesceStart < config.QuiesceTimeoutS * 1000)
            {
                var sentNow = Volatile.Read(ref sent);
                var receivedNow = clients.Sum(c => c.Received);
                var pending = clients.Sum(c => c.Pending);
                if (Volatile.Read(ref finishedSending) && receivedNow >= (long)sentNow * (C - 1) && pending == 0)
                {
                    quiet = true;
                    break;
                }
                await Task.Delay(100, cancellationToken);
            }
            var quiesceMs = Clock.NowMs - quiesceStart;
            if (quiet)
            {
                await Task.Delay(300, cancellationToken); // trailing acks
            }
            var siloPeak = Kb(silo, "VmHWM");
            var siloEnd = Kb(silo, "VmRSS");
            var azuritePeak = Kb(azurite, "VmHWM");

            // Latencies per (op, peer), measured phase only, the sender excluded.
            var lat = new List<double>();
            var latFromDue = new List<double>();
            var serverToPeer = new List<double>();
            var lag = new List<double>();
            var sentMeasured = 0;
            var missing = 0;
            for (var g = schedule.WarmOps; g < N; g++)
            {
                var sendAt = run.SendTime[g];
                if (double.IsNaN(sendAt))
                {
                    continue;
                }
                sentMeasured++;
                var due = measureStart + schedule.DueOffsetMs(g);
                lag.Add(sendAt - due);
                var sender = schedule.SenderOf(g);
                for (var c = 0; c < C; c++)
                {
                    if (c == sender)
                    {
                        continue;
                    }
                    var at = run.RecvTime[(c * N) + g];
                    if (double.IsNaN(at))
                    {
                        missing++;
                        continue;
                    }
                    lat.Add(at - sendAt);
                    latFromDue.Add(at - due);
                    serverToPeer.Add(at - run.ServerAt[g]);
                }
            }

            // Acks (durable) and where the time goes for the submissions of the measured phase.
            var ackPerOp = new List<double>();
            var bufferWait = new List<double>();
            var invokeToAck = new List<double>();
            var invokeToApply = new List<double>();
            var applyToAck = new List<double>();
            var applyToEcho = new List<double>();
            var opsPerSubmission = new List<double>();
            var submissions = 0;
            foreach (var submission in clients.SelectMany(c => c.Submissions))
            {
                if (submission.Ids.Min() < schedule.WarmOps)
                {
                    continue;
                }
                submissions++;
                opsPerSubmission.Add(submission.Ids.Length);
                foreach (var g in submission.Ids)
                {
                    bufferWait.Add(submission.InvokeAt - run.SendTime[g]);
                    if (!double.IsNaN(submission.AckAt))
                    {
                        ackPerOp.Add(submission.AckAt - run.SendTime[g]);
                    }
                }
                if (!double.IsNaN(submission.AckAt))
                {
                    invokeToAck.Add(submission.AckAt - submission.InvokeAt);
                }
                if (!double.IsNaN(submission.ServerAtMs))
                {
                    invokeToApply.Add(submission.ServerAtMs - submission.InvokeAt);
                    if (!double.IsNaN(submission.AckAt))
                    {
                        applyToAck.Add(submission.AckAt - submission.ServerAtMs);
                    }
                    applyToEcho.Add(submission.EchoAt - submission.ServerAtMs);
                }
            }

            // Convergence: every client's text, and the server's own copy.
            var texts = clients.Select(c => c.Text).ToArray();
            var hashes = texts.Select(t => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(t)))).Distinct().Count();
            bool? serverMatches = null;
            try
            {
                var snapshot = await http.GetFromJsonAsync<PlanSnapshot>($"/api/projects/{slug}/plan", json, cancellationToken);
                var body = snapshot?.Document.Sections.FirstOrDefault(s => s.Id == SectionId)?.Fields.GetValueOrDefault(PlanFields.Body, "");
                serverMatches = body == texts[0];
            }
            catch (HttpRequestException e)
            {
                run.Report($"server snapshot: {e.Message}");
            }

            var result = new JsonObject
            {
                ["system"] = "kaolack-orleans",
                ["clients"] = C,
                ["senders"] = S,
                ["rate"] = config.Rate,
                ["seed"] = config.Seed,
                ["warmupS"] = config.WarmupS,
                ["measureS"] = config.MeasureS,
                ["opsScheduledMeasured"] = N - schedule.WarmOps,
                ["opsSentMeasured"] = sentMeasured,
                ["achievedOpsPerSec"] = Math.Round(sentMeasured / config.MeasureS * 10) / 10,
                ["pairs"] = lat.Count,
                ["missingPairs"] = missing,
                ["latencyMs"] = Node(Stats.Of(lat)),
                ["latencyFromDueMs"] = Node(Stats.Of(latFromDue)),
                ["sendLagMs"] = Node(Stats.Of(lag)),
                ["ackLatencyMs"] = Node(Stats.Of(ackPerOp)),
                ["split"] = new JsonObject
                {
                    ["note"] = "edit→peer = bufferWait (edit→invoke) + invokeToServerApply + serverApplyToPeer; server times are PlanChange.At (same host clock)",
                    ["bufferWaitMs"] = Node(Stats.Of(bufferWait)),
                    ["invokeToServerApplyMs"] = Node(Stats.Of(invokeToApply)),
                    ["serverApplyToAckMs"] = Node(Stats.Of(applyToAck)),
                    ["serverApplyToEchoMs"] = Node(Stats.Of(applyToEcho)),
                    ["serverApplyToPeerMs"] = Node(Stats.Of(serverToPeer)),
                    ["invokeToAckMs"] = Node(Stats.Of(invokeToAck)),
                },
                ["submissionsMeasured"] = submissions,
                ["opsPerSubmission"] = opsPerSubmission.Count == 0 ? null : Math.Round(opsPerSubmission.Average() * 100) / 100,
                ["serverCpuPct"] = Pct(s1.Silo - s0.Silo, windowS),
                ["storageCpuPct"] = Pct(s1.Azurite - s0.Azurite, windowS),
                ["serverPeakRssMB"] = Mb(siloPeak),
                ["serverRssAtMeasureStartMB"] = Mb(s0.Rss),
                ["serverRssEndMB"] = Mb(siloEnd),
                ["storagePeakRssMB"] = Mb(azuritePeak),
                ["loadCpuPct"] = Math.Round(loadCpu / windowS * 1000) / 10,
                ["machineBusyPct"] = Math.Round(machineBusyPct * 10) / 10,
                ["otherCpuPct"] = Math.Round((machineBusyPct - (100 * ((loadCpu / windowS) + (((s1.Silo - s0.Silo) ?? 0) / windowS) + (((s1.Azurite - s0.Azurite) ?? 0) / windowS)))) * 10) / 10,
                ["errors"] = clients.Sum(c => c.ErrorCount),
                ["anomalies"] = clients.Sum(c => c.Anomalies),
                ["errorSamples"] = new JsonArray([.. run.Errors.Take(5).Select(e => (JsonNode)e)]),
                ["converged"] = quiet && hashes == 1,
                ["quiescent"] = quiet,
                ["quiesceMs"] = Math.Round(quiesceMs),
                ["distinctDocs"] = hashes,
                ["docLength"] = texts[0].Length,
                ["serverDocMatches"] = serverMatches,
                ["connectMs"] = Math.Round(connectMs),
                ["schedulerWait"] = Clock.WaitMethod,
                ["dotnet"] = Environment.Version.ToString(),
                ["orleans"] = typeof(IGrainFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split(' ', '+')[0].TrimEnd('.'),
                ["date"] = DateTimeOffset.UtcNow.ToString("O"),
            };
            return result;
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.StopAsync()));
        }
    }

    private static async Task WaitUntilAsync(double targetMs, CancellationToken cancellationToken)
    {
        var remaining = targetMs - Clock.NowMs;
        if (remaining > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(remaining), cancellationToken);
        }
    }

    private static double? Cpu(Process? process) => process is null ? null : ServerProcesses.CpuSeconds(process.Id);

    private static long? Kb(Process? process, string key) => process is null ? null : ServerProcesses.StatusKb(process.Id, key);

    private static double? Pct(double? cpuSeconds, double windowS) => cpuSeconds is { } s ? Math.Round(s / windowS * 1000) / 10 : null;

    private static double? Mb(long? kb) => kb is { } k ? Math.Round(k / 102.4) / 10 : null;

    private static JsonNode? Node(Stats stats) => JsonSerializer.SerializeToNode(stats);
}
