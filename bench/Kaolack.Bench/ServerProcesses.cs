using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Kaolack.Bench;

/// <summary>
/// Azurite and the silo (silo/Kaolack.Silo, the deployed app) as two separate processes on free loopback
/// ports, so their CPU time and peak RSS can be read from /proc. Both are killed by PID on dispose.
/// </summary>
internal sealed class ServerProcesses : IAsyncDisposable
{
    public const string AdminEmail = "bench-admin@bench.example.org";
    public const string AdminPassword = "bench-admin-password-1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<Process> processes = [];
    private readonly StringBuilder output = new();
    private string? dataDirectory;

    public Process? Silo { get; private set; }

    public Process? Azurite { get; private set; }

    public Uri? BaseAddress { get; private set; }

    public string? StorageConnectionString { get; private set; }

    public string? ServiceId { get; private set; }

    public static async Task<ServerProcesses> StartAsync(string siloDll, string azuriteJs, IReadOnlyDictionary<string, string> extraEnvironment, CancellationToken cancellationToken)
    {
        if (!File.Exists(siloDll))
        {
            throw new InvalidOperationException($"Silo not found at {siloDll}: build it first (dotnet build -c Release bench/Kaolack.Bench builds it too).");
        }
        if (!File.Exists(azuriteJs))
        {
            throw new InvalidOperationException($"Azurite not found at {azuriteJs}: run npm ci in tools/azurite (./test.sh does).");
        }
        var servers = new ServerProcesses();
        try
        {
            var ports = FreePorts(6);
            servers.dataDirectory = Directory.CreateTempSubdirectory("kaolack-bench-azurite-").FullName;
            var azurite = new ProcessStartInfo("node");
            foreach (var argument in new[]
            {
                azuriteJs, "--location", servers.dataDirectory,
                "--blobHost", "127.0.0.1", "--blobPort", $"{ports[0]}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{ports[1]}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{ports[2]}",
                "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent",
            })
            {
                azurite.ArgumentList.Add(argument);
            }
            servers.Azurite = servers.Launch(azurite, "azurite");
            await Until(async () => await Listening(ports[0]) && await Listening(ports[1]) && await Listening(ports[2]),
                servers, "Azurite to listen", cancellationToken);

            var storage =
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
                $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;" +
                $"QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;" +
                $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
            var serviceId = $"bench-{Guid.NewGuid():N}"[..18];
            servers.StorageConnectionString = storage;
            servers.ServiceId = serviceId;
            var silo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(siloDll)! };
            silo.ArgumentList.Add(siloDll);
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__AzureStorage"] = storage,
                ["Cluster__ClusterId"] = serviceId,
                ["Cluster__ServiceId"] = serviceId,
                ["Cluster__SiloPort"] = $"{ports[3]}",
                ["Cluster__GatewayPort"] = $"{ports[4]}",
                ["Cluster__Clustering"] = "Localhost",
                ["Kaolack__Admin__Email"] = AdminEmail,
                ["Kaolack__Admin__Password"] = AdminPassword,
                ["Kaolack__Hardening__RateLimitingEnabled"] = "false",
                ["Kaolack__Auth__SecureCookies"] = "false",
                ["Kaolack__SeedDemoData"] = "false",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ports[5]}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Orleans.Runtime.Silo"] = "Warning",
            };
            foreach (var (key, value) in extraEnvironment)
            {
                environment[key] = value;
            }
            foreach (var (key, value) in environment)
            {
                silo.Environment[key] = value;
            }
            servers.Silo = servers.Launch(silo, "silo");
            servers.BaseAddress = new Uri($"http://127.0.0.1:{ports[5]}");
            await Until(() => Listening(ports[5]), servers, "the silo to listen", cancellationToken);
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
        return servers;
    }

    /// <summary>Signs in as the configured admin, waiting (bounded) for the account to be created on start.</summary>
    public static async Task<string> SignInAsync(Uri baseAddress, string email, string password, Func<bool>? alive, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Clock.NowMs + StartTimeout.TotalMilliseconds;
        while (true)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                    return body.GetProperty("accessToken").GetString()!;
                }
                if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.ServiceUnavailable))
                {
                    throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (HttpRequestException) when (Clock.NowMs < deadline)
            {
            }
            if (alive is not null && !alive())
            {
                throw new InvalidOperationException("The silo exited during start-up.");
            }
            if (Clock.NowMs > deadline)
            {
                throw new TimeoutException($"{email} could not sign in within {StartTimeout.TotalSeconds} s.");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>The blobs of the documents container (each grain's snapshot as last written), by name and size.</summary>
    public Task<Dictionary<string, long>> DocumentBlobSizesAsync(CancellationToken cancellationToken) =>
        BlobSizesAsync(Kaolack.Grains.Hosting.GrainSetup.DocumentsContainer(ServiceId!), cancellationToken);

    /// <summary>The blobs of the plans' container (op log segments and named versions), by name and size.</summary>
    public Task<Dictionary<string, long>> PlanLogBlobSizesAsync(CancellationToken cancellationToken) =>
        BlobSizesAsync(Kaolack.Grains.Hosting.GrainSetup.PlanLogContainer(ServiceId!), cancellationToken);

    private async Task<Dictionary<string, long>> BlobSizesAsync(string containerName, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long>();
        var container = new Azure.Storage.Blobs.BlobServiceClient(StorageConnectionString).GetBlobContainerClient(containerName);
        if (!await container.ExistsAsync(cancellationToken))
        {
            return sizes;
        }
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            sizes[blob.Name] = blob.Properties.ContentLength ?? 0;
            if (sizes.Count >= 100)
            {
                break;
            }
        }
        return sizes;
    }

    public string RecentOutput(int maxChars = 4000)
    {
        lock (output)
        {
            var all = output.ToString();
            return all.Length <= maxChars ? all : all[^maxChars..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(processes))
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        processes.Clear();
        if (dataDirectory is not null)
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>utime + stime of a process in seconds, from /proc/&lt;pid&gt;/stat.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicks.Value;
    }

    /// <summary>A "kB" line of /proc/&lt;pid&gt;/status (VmHWM: peak RSS, VmRSS: current), in kB.</summary>
    public static long? StatusKb(int pid, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var parts = line[(key.Length + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    private static readonly Lazy<double> ClockTicks = new(() =>
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit(5000);
            return double.TryParse(text, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    });

    private Process Launch(ProcessStartInfo start, string name)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        processes.Add(process);
        process.OutputDataReceived += (_, e) => Append(name, e.Data);
        process.ErrorDataReceived += (_, e) => Append(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string name, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.Append(name).Append(": ").AppendLine(line);
            if (output.Length > 200_000)
            {
                output.Remove(0, 100_000);
            }
        }
    }

    private static async Task Until(Func<Task<bool>> condition, ServerProcesses servers, string what, CancellationToken cancellationToken)
    {
        var deadline = Clock.NowMs + StartTimeout.TotalMilliseconds;
        while (!await condition())
        {
            var exited = servers.processes.FirstOrDefault(p => p.HasExited);
            if (exited is not null)
            {
                throw new InvalidOperationException($"A server process exited (code {exited.ExitCode}) while waiting for {what}:\n{servers.RecentOutput()}");
            }
            if (Clock.NowMs > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}:\n{servers.RecentOutput()}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<bool> Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int[] FreePorts(int count)
    {
        var ports = new HashSet<int>();
        for (var attempt = 0; ports.Count < count && attempt < 1000; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            ports.Add(((IPEndPoint)listener.LocalEndpoint).Port);
        }
        return [.. ports];
    }
}
