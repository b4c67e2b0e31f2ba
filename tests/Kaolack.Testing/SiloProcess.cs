using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Testing;

/// <summary>
/// The built silo (silo/Kaolack.Silo/bin/{configuration}/net10.0) run with `dotnet` as its own OS process, on free loopback
/// ports: what a test kills (SIGKILL: nothing runs, nothing is flushed) or freezes (SIGSTOP), which an in-process
/// <see cref="SiloHost"/> cannot be. Stopped by its process id on dispose.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process process;
    private readonly Queue<string> lines = new();

    private SiloProcess(Process process, string name, SiloHostOptions options, Uri baseAddress, int siloPort)
    {
        this.process = process;
        Name = name;
        Options = options;
        BaseAddress = baseAddress;
        SiloPort = siloPort;
    }

    public string Name { get; }

    public SiloHostOptions Options { get; }

    public Uri BaseAddress { get; }

    /// <summary>The Orleans silo-to-silo port: the silo's address in the cluster is 127.0.0.1 on it.</summary>
    public int SiloPort { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>
    /// Starts the silo on free ports configured as a <see cref="SiloHost"/> with the same <paramref name="options"/> would be
    /// (storage, cluster and service ids, admin, settings: with the same ids, the two join one cluster), and waits until it
    /// is ready.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string name, SiloHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The test runs from tests/{project}/bin/{configuration}/net10.0: the silo of the same build sits at the same place
        // under silo/Kaolack.Silo (building the test project builds it, through Kaolack.Testing).
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent?.Name ?? throw new InvalidOperationException($"No configuration folder above {testBin}.");
        var siloBin = Path.Combine(RepositoryRoot.Path, "silo", "Kaolack.Silo", "bin", configuration, testBin.Name);
        var dll = Path.Combine(siloBin, "Kaolack.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The silo is not built at {dll}: build the solution in {configuration} first.");
        }
        var ports = FreePorts.Take(3);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = siloBin,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__AzureStorage"] = options.StorageConnectionString,
            ["Cluster__ServiceId"] = options.ServiceId,
            ["Cluster__ClusterId"] = options.ClusterId,
            ["Cluster__Clustering"] = "AzureTable",
            ["Kaolack__SeedDemoData"] = options.SeedDemoData ? "true" : "false",
            ["Kaolack__Admin__Email"] = options.AdminEmail,
            ["Kaolack__Admin__Password"] = options.AdminPassword,
            ["Kaolack__Auth__SecureCookies"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }
        settings["Cluster__SiloPort"] = $"{ports[0]}";
        settings["Cluster__GatewayPort"] = $"{ports[1]}";
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ports[2]}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"The {name} silo did not start.");
        var silo = new SiloProcess(process, name, options, new Uri($"http://127.0.0.1:{ports[2]}"), ports[0]);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await silo.WaitUntilReady();
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
        return silo;
    }

    /// <summary>A bearer token of the configured admin, waiting (bounded) for the account to be created on start.</summary>
    public async Task<string> SignInAsAdminAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        string? token = null;
        await Eventually.True(async () =>
        {
            using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = Options.AdminEmail, password = Options.AdminPassword });
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return false;
            }
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            return true;
        }, $"the configured admin to sign in on the {Name} silo", TimeSpan.FromSeconds(60));
        return token!;
    }

    public HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>A hub connection to this silo (not started), as the .NET client makes them.</summary>
    public HubConnection Hub(string token) => Kaolack.Client.LiveHubConnection.Builder(new Uri(BaseAddress, "/hubs/live"), () => Task.FromResult<string?>(token)).Build();

    /// <summary>SIGKILL to the process and its children: no shutdown code runs, nothing is flushed.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    /// <summary>SIGSTOP: the process stays, with its sockets open, and answers nothing until <see cref="Resume"/>.</summary>
    public Task Pause() => ChildProcesses.Pause(process);

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public Task Resume() => ChildProcesses.Resume(process);

    public Task WaitForExit() => process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync() => await ChildProcesses.Stop(process, TimeSpan.FromSeconds(30));

    private async Task WaitUntilReady()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.True(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The {Name} silo exited with code {process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync("/health/ready");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"the {Name} silo process to be ready", StartTimeout);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (lines)
        {
            lines.Enqueue(line);
            while (lines.Count > KeptLines)
            {
                lines.Dequeue();
            }
        }
    }
}
