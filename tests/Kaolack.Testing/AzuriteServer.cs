using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Kaolack.Testing;

/// <summary>
/// A real Azurite (Azure Storage emulator, from npm) on free loopback ports with a temporary data folder,
/// so tests never share storage with each other or with a running development instance.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string dataDirectory;

    private AzuriteServer(Process process, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <param name="openFilesLimit">When given, Azurite runs under that limit of open files (<c>ulimit -n</c>), as on a machine
    /// with the common limit of 1024: it opens one file per block of an append blob it serves, so reads must stay bounded.</param>
    public static async Task<AzuriteServer> StartAsync(int? openFilesLimit = null)
    {
        var script = Environment.GetEnvironmentVariable("KAOLACK_AZURITE_JS")
            ?? Path.Combine(RepositoryRoot.Path, "tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite not found at {script}: run ./test.sh (or npm ci in tools/azurite) first.");
        }
        var ports = FreePorts.Take(3);
        var dataDirectory = Directory.CreateTempSubdirectory("kaolack-azurite-").FullName;
        var start = new ProcessStartInfo(openFilesLimit is null ? "node" : "/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (openFilesLimit is { } limit)
        {
            // The shell lowers its own limit, then becomes node (exec): killing the process kills Azurite.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("ulimit -n \"$0\" && exec node \"$@\"");
            start.ArgumentList.Add($"{limit}");
        }
        foreach (var argument in new[]
        {
            script, "--location", dataDirectory,
            "--blobHost", "127.0.0.1", "--blobPort", $"{ports[0]}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{ports[1]}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{ports[2]}",
            "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new AzuriteServer(process, dataDirectory, ports[0], ports[1], ports[2]);
        try
        {
            await Eventually.True(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {Output(output)}");
                }
                return await Listening(ports[0]) && await Listening(ports[1]) && await Listening(ports[2]);
            }, "Azurite to listen", StartTimeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>SIGSTOP: storage that stalls, its sockets open and answering nothing, until <see cref="Resume"/> (call it in a finally).</summary>
    public Task Pause() => ChildProcesses.Pause(process);

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public Task Resume() => ChildProcesses.Resume(process);

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.Stop(process, TimeSpan.FromSeconds(10));
        ChildProcesses.DeleteScratch(dataDirectory);
    }

    private static async Task<bool> Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Output(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
