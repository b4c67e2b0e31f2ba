using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Kaolack.Client;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Wire;
using Kaolack.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Kaolack.Bench.Failover;

/// <summary>
/// A silo of a cluster behind nginx is killed (SIGKILL) while live clients edit one plan through the proxy. Starts Azurite,
/// the silos (as OS processes) and nginx on loopback ports, puts the clients (the .NET <see cref="PlanClient"/>, WebSockets
/// only) on the plan, each typing a marker every interval, kills the silo holding the plan, and measures: the time until
/// every client has an edit acknowledged again, ops lost (every marker typed must be in the plan once), clients that
/// needed a reload (stopped, or found the server behind them). See docs/BENCHMARKS.md.
/// <code>
/// bench/cluster/run.sh   (installs nginx, builds, then:)
/// dotnet bench/Kaolack.Bench/bin/Release/net10.0/Kaolack.Bench.dll failover --silos 3 --clients 100
/// </code>
/// </summary>
internal static class FailoverBench
{
    private const string Usage = """
        Kaolack.Bench failover: kill one silo of a cluster behind nginx under live editing.

          --silos N            silos in the cluster (default 3, at least 2)
          --clients C          live clients through nginx (default 100)
          --interval MS        each client types a marker every MS ms (default 1000)
          --before S           seconds of editing before the kill (default 10)
          --after S            seconds of editing after the kill (default 30)
          --out FILE           JSON lines (appended); default bench/results/failover-<yyyy-MM-dd>.jsonl
          --silo-env KEY=VALUE extra setting for every silo (repeatable; e.g. Cluster__ProbeTimeout=00:00:05)
        """;

    public static async Task<int> MainAsync(string[] args)
    {
        var (silos, clients, intervalMs, beforeS, afterS, outPath, extra) = (3, 100, 1000, 10.0, 30.0, (string?)null, new Dictionary<string, string?>());
        for (var i = 0; i < args.Length; i++)
        {
            var key = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"missing value for {key}");
            switch (key)
            {
                case "--silos": silos = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--clients": clients = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--interval": intervalMs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--before": beforeS = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--after": afterS = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--out": outPath = Value(); break;
                case "--silo-env":
                    var pair = Value().Split('=', 2);
                    extra[pair[0].Replace("__", ":", StringComparison.Ordinal)] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--silo-env takes KEY=VALUE");
                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"unknown argument {key}\n\n{Usage}");
                    return 2;
            }
        }
        if (silos is < 2 or > 5 || clients is < 1 or > 1000 || intervalMs < 50 || beforeS is < 1 or > 120 || afterS is < 5 or > 300)
        {
            await Console.Error.WriteLineAsync($"out of range\n\n{Usage}");
            return 2;
        }
        // Every marker goes into one section's body, which holds at most PlanRules.MaxTextLength characters.
        var markerChars = clients * (beforeS + afterS) * 1000 / intervalMs * 9;
        if (markerChars > PlanRules.MaxTextLength * 0.9)
        {
            await Console.Error.WriteLineAsync($"about {markerChars:0} characters of markers would not fit one section ({PlanRules.MaxTextLength}): fewer clients, a longer interval or a shorter run");
            return 2;
        }
        outPath ??= Path.Combine(RepositoryRoot.Path, "bench", "results", $"failover-{DateTime.UtcNow:yyyy-MM-dd}.jsonl");
        var result = await RunAsync(silos, clients, intervalMs, beforeS, afterS, extra);
        var line = result.ToJsonString();
        Console.WriteLine(line);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.AppendAllTextAsync(outPath, line + "\n");
        await Console.Error.WriteLineAsync($"[failover] result appended to {outPath}");
        return result["opsLost"]!.GetValue<int>() == 0 && result["clientsReloaded"]!.GetValue<int>() == 0 ? 0 : 1;
    }

    private static async Task<JsonObject> RunAsync(int siloCount, int clientCount, int intervalMs, double beforeS, double afterS, Dictionary<string, string?> extra)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var id = Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>(HostSettings.Unthrottled) { ["Kaolack:Proxy:KnownProxies:0"] = "127.0.0.1" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        var options = new SiloHostOptions(azurite.ConnectionString) { ServiceId = $"failover-{id}", ClusterId = $"failover-cluster-{id}", Settings = settings };
        var silos = new List<SiloProcess>();
        var planClients = new List<PlanClient>();
        try
        {
            var clock = Stopwatch.StartNew();
            silos.AddRange(await Task.WhenAll(Enumerable.Range(0, siloCount).Select(i => SiloProcess.StartAsync($"silo-{i}", options))));
            await using var nginx = await NginxServer.StartAsync(silos.Select(s => s.BaseAddress));
            var token = await silos[0].SignInAsAdminAsync();
            await WaitForMembers(silos[0], token, siloCount);
            await Console.Error.WriteLineAsync($"[failover] {siloCount} silos and nginx up in {clock.Elapsed.TotalSeconds:0} s");

            var slug = $"bascule-{id}";
            using (var http = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) })
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var created = await http.PostAsJsonAsync($"/api/projects?slug={slug}", Charter(), WireJson.Options);
                created.EnsureSuccessStatusCode();
            }
            var hubUri = new Uri(nginx.BaseAddress, "/hubs/live");
            var typists = new List<Typist>();
            for (var i = 0; i < clientCount; i++)
            {
                var client = new PlanClient(PlanClient.CreateConnection(hubUri, () => Task.FromResult<string?>(token)), slug, $"typist-{i:000}");
                planClients.Add(client);
                typists.Add(new Typist(i, client, TimeSpan.FromMilliseconds((double)i * intervalMs / clientCount)));
                await client.ConnectAsync();
            }
            planClients[0].Edit(PlanOps.Add(PlanEntityKind.Section, "s1", "a0"));
            await Task.WhenAll(planClients.Select(c => c.WaitUntilSynchronizedAsync(TimeSpan.FromSeconds(60), 1)));

            // Asked before the typing starts: an Orleans client may take a while to connect on a busy machine, and the plan
            // stays where it is until its silo dies.
            var victim = await SiloHoldingPlan(options, silos, slug);
            using var typing = new CancellationTokenSource();
            var loops = typists.Select(t => t.TypeEvery(intervalMs, typing.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(beforeS));
            var cpuBefore = MachineCpu.Read();
            var load = LoadAverage();
            var killedAt = Stopwatch.GetTimestamp();
            victim.Kill();
            await Console.Error.WriteLineAsync($"[failover] killed {victim.Name} (pid {victim.Id}, it held the plan) after {beforeS} s of typing");
            await Task.Delay(TimeSpan.FromSeconds(afterS));
            var cpuPct = MachineCpu.BusyPctOfOneCore(cpuBefore, MachineCpu.Read());
            await typing.CancelAsync();
            await Task.WhenAll(loops);
            await Task.WhenAll(planClients.Select(c => c.WaitUntilSynchronizedAsync(TimeSpan.FromSeconds(120))));

            var survivor = silos.First(s => s != victim);
            PlanSnapshot plan;
            using (var http = survivor.Client(token))
            {
                plan = (await http.GetFromJsonAsync<PlanSnapshot>($"/api/projects/{slug}/plan", WireJson.Options))!;
            }
            var body = plan.Document.Sections.Single().Fields.GetValueOrDefault(PlanFields.Body, "");
            var typed = typists.SelectMany(t => t.Markers).ToList();
            var lost = typed.Count(marker => !body.Contains(marker, StringComparison.Ordinal));
            var duplicated = typed.Count(marker => body.Split(marker).Length > 2);
            var recoveries = typists.Select(t => t.FirstAckAfter(killedAt)).ToList();
            var recovered = recoveries.OfType<double>().Order().ToList();
            return new JsonObject
            {
                ["at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["silos"] = siloCount,
                ["clients"] = clientCount,
                ["intervalMs"] = intervalMs,
                ["opsPerSecond"] = Math.Round(clientCount * 1000.0 / intervalMs, 1),
                ["killed"] = victim.Name,
                ["recoveredClients"] = recovered.Count,
                ["allAckedAgainAfterS"] = recovered.Count == clientCount ? Math.Round(recovered[^1], 2) : null,
                ["ackedAgainP50S"] = recovered.Count > 0 ? Math.Round(recovered[recovered.Count / 2], 2) : null,
                ["markersTyped"] = typed.Count,
                ["opsLost"] = lost,
                ["opsDuplicated"] = duplicated,
                ["clientsReloaded"] = planClients.Count(c => c.Fault is not null || c.ServerLosses > 0),
                ["opsRetried"] = planClients.Sum(c => c.Retries + c.Resends),
                ["planVersion"] = plan.Version,
                ["machineCpuPctOfOneCoreAfterKill"] = Math.Round(cpuPct),
                ["loadAverageAtKill"] = load,
                ["cores"] = Environment.ProcessorCount,
                ["settings"] = new JsonObject([.. extra.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
            };
        }
        catch
        {
            // What the surviving silos last said is what explains a client that never came back.
            foreach (var silo in silos.Where(s => !s.HasExited))
            {
                await Console.Error.WriteLineAsync($"[failover] last output of {silo.Name}:\n{silo.Output}");
            }
            throw;
        }
        finally
        {
            foreach (var client in planClients)
            {
                await client.DisposeAsync();
            }
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>One client typing markers of its own at the start of the shared section, and when its edits were acknowledged.</summary>
    private sealed class Typist
    {
        private readonly int index;
        private readonly PlanClient client;
        private readonly TimeSpan offset;
        private readonly ConcurrentQueue<long> acks = new();
        private readonly List<string> markers = [];

        /// <param name="offset">When this client types within each interval, so the clients do not all type in the same millisecond.</param>
        public Typist(int index, PlanClient client, TimeSpan offset)
        {
            this.index = index;
            this.client = client;
            this.offset = offset;
            client.Updated += (_, e) =>
            {
                if (e.Update.Acknowledged.Count > 0)
                {
                    acks.Enqueue(Stopwatch.GetTimestamp());
                }
            };
        }

        public IReadOnlyList<string> Markers => markers;

        public async Task TypeEvery(int intervalMs, CancellationToken cancellationToken)
        {
            await Task.Delay(offset, CancellationToken.None);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(intervalMs));
            try
            {
                do
                {
                    var marker = $"<{index:000}.{markers.Count}>";
                    client.Edit(PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 0, marker));
                    markers.Add(marker);
                }
                while (await timer.WaitForNextTickAsync(cancellationToken));
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>Seconds from <paramref name="killedAt"/> to this client's first acknowledgement after it, or null.</summary>
        public double? FirstAckAfter(long killedAt) =>
            acks.Where(at => at > killedAt).Select(at => Stopwatch.GetElapsedTime(killedAt, at).TotalSeconds).Order().Cast<double?>().FirstOrDefault();
    }

    /// <summary>Waits (bounded) until the first silo's /health counts every silo active.</summary>
    private static async Task WaitForMembers(SiloProcess silo, string token, int count)
    {
        using var http = silo.Client(token);
        await Eventually.True(async () =>
        {
            using var response = await http.GetAsync("/health");
            var members = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("checks").GetProperty("silo").GetProperty("data").GetProperty("members");
            return members.EnumerateArray().Count(m => m.GetString()!.EndsWith(" Active", StringComparison.Ordinal)) == count;
        }, $"{count} silos to be active", TimeSpan.FromSeconds(120));
    }

    /// <summary>The silo process holding the plan's grain, asked of the cluster by an Orleans client of it.</summary>
    private static async Task<SiloProcess> SiloHoldingPlan(SiloHostOptions options, List<SiloProcess> silos, string slug)
    {
        using var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (options.ClusterId, options.ServiceId))
                .UseAzureStorageClustering(clustering => clustering.TableServiceClient = new TableServiceClient(options.StorageConnectionString)))
            .Build();
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IClusterClient>();
            var address = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IPlanDocumentGrain>(slug))
                ?? throw new InvalidOperationException("The plan is not active anywhere.");
            return silos.Single(s => s.SiloPort == address.Endpoint.Port);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static Kaolack.Contracts.Projects.ProjectCharter Charter() => new()
    {
        Title = "Bascule sous charge",
        Summary = "Un silo tué pendant que cent personnes écrivent.",
        SdgTags = [17],
        StartDate = new DateOnly(2026, 1, 1),
        EndDate = new DateOnly(2026, 12, 31),
        Budget = new Kaolack.Contracts.Common.Money(1_000_000m, Kaolack.Contracts.Common.Currency.Xof),
        ValueChains = ["arachide"],
    };

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
}
