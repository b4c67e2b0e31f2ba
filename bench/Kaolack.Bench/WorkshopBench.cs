using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaolack.Client;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Wire;
using Kaolack.Contracts.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Bench;

/// <summary>
/// A workshop with hundreds of phones (issue 18): N guests joined by code on real SignalR connections (loopback) vote in
/// one poll at the same instant, then each adds an idea, then each places a dot. For each step: the time until every
/// acknowledgement (acknowledged = stored), until every participant's view shows the final counts (p50/p99/max after the
/// last acknowledgement), the writes it took, and the bytes each participant received per event (the event's JSON as the
/// hub sends it, without the frame). See docs/BENCHMARKS.md.
/// <code>
/// dotnet bench/Kaolack.Bench/bin/Release/net10.0/Kaolack.Bench.dll workshop --participants 500
/// </code>
/// </summary>
internal static class WorkshopBench
{
    private static readonly string[] Options = ["Foire de Kaolack", "Salon de l'ESS", "Les deux"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var participants = 500;
        string? outPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--participants" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n is >= 2 and <= 2000:
                    participants = n;
                    i++;
                    break;
                case "--out" when i + 1 < args.Length:
                    outPath = args[++i];
                    break;
                default:
                    await Console.Error.WriteLineAsync("usage: Kaolack.Bench workshop [--participants 2..2000] [--out FILE]");
                    return 2;
            }
        }
        outPath ??= Path.Combine(root, "bench", "results", $"workshop-{DateTime.UtcNow:yyyy-MM-dd}.jsonl");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var siloDll = Path.Combine(root, "silo", "Kaolack.Silo", "bin", "Release", "net10.0", "Kaolack.Silo.dll");
        var azuriteJs = Environment.GetEnvironmentVariable("KAOLACK_AZURITE_JS")
            ?? Path.Combine(root, "tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        // One address joins every guest: the per-address and per-workshop admission limits would (rightly) refuse it.
        var environment = new Dictionary<string, string>
        {
            ["Kaolack__Hardening__RateLimitingEnabled"] = "false",
            ["Kaolack__Workshops__JoinAttemptBurst"] = "100000",
            ["Kaolack__Workshops__GuestAdmissionBurst"] = "100000",
        };
        await using var servers = await ServerProcesses.StartAsync(siloDll, azuriteJs, environment, cancel.Token);
        var baseAddress = servers.BaseAddress!;
        var token = await ServerProcesses.SignInAsync(baseAddress, ServerProcesses.AdminEmail, ServerProcesses.AdminPassword, () => !servers.Silo!.HasExited, cancel.Token);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var details = new WorkshopDetails { Title = "Banc d'essai", StartsAt = DateTimeOffset.UtcNow.AddHours(1), DurationMinutes = 90, Agenda = [new AgendaItem("Votes", 30)] };
        using var created = await http.PostAsJsonAsync("/api/workshops", details, WireJson.Options, cancel.Token);
        var workshop = await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<WorkshopView>(WireJson.Options, cancel.Token)
            ?? throw new InvalidOperationException("No workshop.");
        var id = workshop.Meta.Slug;
        await using var coach = BenchClient.Connect(baseAddress, token);
        await coach.StartAsync(cancel.Token);
        foreach (var command in new object[]
        {
            new StartSession(), new CreatePoll("salon", "Quel salon préparer ?", PollKind.OneChoice, Options), new ShowPollResults("salon", true),
            new OpenPoll("salon"), new AddColumn("idees", "Idées"), new SetDotBudget(1),
        })
        {
            await Send(coach, id, command);
        }

        var clock = Stopwatch.StartNew();
        using var joining = new SemaphoreSlim(32);
        var guests = await Task.WhenAll(Enumerable.Range(0, participants).Select(async i =>
        {
            await joining.WaitAsync(cancel.Token);
            try
            {
                using var anonymous = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
                using var joined = await anonymous.PostAsJsonAsync("/api/workshops/join", new { code = workshop.JoinCode, displayName = $"Participant {i}" }, cancel.Token);
                var answer = await joined.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancel.Token);
                return answer.GetProperty("accessToken").GetString()!;
            }
            finally
            {
                joining.Release();
            }
        }));
        var connections = guests.Select(g => BenchClient.Connect(baseAddress, g)).ToArray();
        var events = new int[participants];
        var bytes = new long[participants];
        var lastEventMs = new double[participants];
        var followers = connections.Select((c, i) => new WorkshopFollower(c, id, liveEvent =>
        {
            Interlocked.Increment(ref events[i]);
            Interlocked.Add(ref bytes[i], JsonSerializer.SerializeToUtf8Bytes(liveEvent, WireJson.Options).Length);
            Volatile.Write(ref lastEventMs[i], clock.Elapsed.TotalMilliseconds);
        })).ToArray();
        var steps = new JsonArray();
        try
        {
            await Task.WhenAll(connections.Select(c => c.StartAsync(cancel.Token)));
            await Task.WhenAll(followers.Select(f => f.Subscribe()));
            await Task.WhenAll(connections.Select(c => Send(c, id, new JoinSession())));
            await Task.WhenAll(followers.Select(f => f.WaitFor(v => v.Present == participants, Patience)));
            var ready = clock.Elapsed;
            await Console.Error.WriteLineAsync($"[bench] {participants} guests joined, connected and present in {ready.TotalSeconds:0.0} s");

            steps.Add(await Step("vote", (c, i) => Send(c, id, new Vote("salon", [i % Options.Length])), v => v.Polls[0].Voters == participants));
            steps.Add(await Step("idea", (c, i) => Send(c, id, new AddNote($"idee-{i}", "idees", $"Idée numéro {i}")), v => v.Notes.Length == participants));
            steps.Add(await Step("dot", (c, i) => Send(c, id, new AddDot($"idee-{(i + 1) % participants}")), v => v.Notes.All(n => n.Dots == 1)));

            using var read = await http.GetAsync(new Uri($"/api/workshops/{id}", UriKind.Relative), cancel.Token);
            var server = await read.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<WorkshopView>(WireJson.Options, cancel.Token) ?? throw new InvalidOperationException("No view.");
            int[] expected = [.. Enumerable.Range(0, Options.Length).Select(option => Enumerable.Range(0, participants).Count(i => i % Options.Length == option))];
            var exact = server.Polls[0].Results!.Counts.SequenceEqual(expected) && server.Notes.Length == participants && server.Notes.All(n => n.Dots == 1);
            var result = new JsonObject
            {
                ["kind"] = "workshop",
                ["at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["participants"] = participants,
                ["readySeconds"] = Math.Round(ready.TotalSeconds, 1),
                ["countsExact"] = exact,
                ["steps"] = steps,
                ["loadAverage"] = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cancel.Token)).Trim() : null,
                ["processors"] = Environment.ProcessorCount,
                ["serverCpuSeconds"] = Math.Round(ServerProcesses.CpuSeconds(servers.Silo!.Id), 1),
                ["storageCpuSeconds"] = Math.Round(ServerProcesses.CpuSeconds(servers.Azurite!.Id), 1),
                ["serverPeakRssMB"] = ServerProcesses.StatusKb(servers.Silo!.Id, "VmHWM") / 1024,
            };
            var line = result.ToJsonString();
            Console.WriteLine(line);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            await File.AppendAllTextAsync(outPath, line + "\n", cancel.Token);
            return exact ? 0 : 1;
        }
        finally
        {
            foreach (var follower in followers)
            {
                follower.Dispose();
            }
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }

        // Every participant acts at the same instant; the step ends when every view satisfies `done`.
        async Task<JsonObject> Step(string name, Func<HubConnection, int, Task<WorkshopAck>> act, Func<WorkshopView, bool> done)
        {
            Array.Clear(events);
            Array.Clear(bytes);
            var versionBefore = followers[0].View!.Meta.Version;
            using var start = new SemaphoreSlim(0, participants);
            var ackMs = new double[participants];
            var sent = connections.Select(async (connection, i) =>
            {
                await start.WaitAsync(cancel.Token);
                var ack = await act(connection, i);
                ackMs[i] = clock.Elapsed.TotalMilliseconds;
                return ack;
            }).ToArray();
            var startedMs = clock.Elapsed.TotalMilliseconds;
            start.Release(participants);
            var acks = await Task.WhenAll(sent);
            var views = await Task.WhenAll(followers.Select(f => f.WaitFor(done, Patience)));
            var lastAck = ackMs.Max();
            var seen = lastEventMs.Select(ms => Math.Max(0, ms - lastAck)).Order().ToArray();
            var perEvent = Enumerable.Range(0, participants).Where(i => events[i] > 0).Select(i => (double)bytes[i] / events[i]).Order().ToArray();
            var step = new JsonObject
            {
                ["step"] = name,
                ["allAcknowledgedMs"] = Math.Round(lastAck - startedMs),
                ["seenAfterLastAckMs"] = new JsonObject { ["p50"] = Math.Round(Percentile(seen, 0.5)), ["p99"] = Math.Round(Percentile(seen, 0.99)), ["max"] = Math.Round(seen[^1]) },
                ["allSeenMs"] = Math.Round(lastEventMs.Max() - startedMs),
                ["writes"] = views.Max(v => v.Meta.Version) - versionBefore,
                ["eventsPerParticipant"] = new JsonObject { ["min"] = events.Min(), ["max"] = events.Max() },
                ["bytesPerParticipantPerEvent"] = new JsonObject { ["p50"] = Math.Round(Percentile(perEvent, 0.5)), ["max"] = Math.Round(perEvent[^1]) },
                ["bytesPerParticipant"] = new JsonObject { ["p50"] = Percentile([.. bytes.Select(b => (double)b).Order()], 0.5), ["max"] = bytes.Max() },
                ["acknowledgedVersions"] = $"{acks.Min(a => a.Version)}–{acks.Max(a => a.Version)}",
            };
            await Console.Error.WriteLineAsync($"[bench] {name}: {step.ToJsonString()}");
            return step;
        }
    }

    private static Task<WorkshopAck> Send(HubConnection connection, string workshopId, object command) =>
        connection.InvokeAsync<WorkshopAck>("SendWorkshopCommand", workshopId, command);

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
