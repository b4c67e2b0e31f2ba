using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Kaolack.Testing;

/// <summary>
/// Debian's nginx (installed by test.sh and bench/cluster/run.sh) with the repository's cluster configuration
/// (scripts/nginx/kaolack-cluster.conf) on a free loopback port, in a temporary prefix: never the system service. Stopped
/// by its process id on dispose.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string prefix;

    private NginxServer(Process process, string prefix, int port)
    {
        this.process = process;
        this.prefix = prefix;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    /// <summary>The nginx binary: $KAOLACK_NGINX, else Debian's.</summary>
    public static string Binary => Environment.GetEnvironmentVariable("KAOLACK_NGINX") is { Length: > 0 } path ? path : "/usr/sbin/nginx";

    /// <summary>Proxies to <paramref name="upstreams"/> (the silos' HTTP addresses), round robin.</summary>
    public static async Task<NginxServer> StartAsync(IEnumerable<Uri> upstreams)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"nginx not found at {Binary}: run ./test.sh (it installs Debian's nginx) or set KAOLACK_NGINX.");
        }
        var prefix = Directory.CreateTempSubdirectory("kaolack-nginx-").FullName;
        var temp = Directory.CreateDirectory(Path.Combine(prefix, "temp"));
        // Workers may run as another user than the master (nobody, when the test runs as root): they buffer into temp/.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp.FullName, (UnixFileMode)0x1FF);
        }
        var port = FreePorts.Take(1)[0];
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "scripts", "nginx", "kaolack-cluster.conf"));
        var config = template
            .Replace("{{PREFIX}}", prefix, StringComparison.Ordinal)
            .Replace("{{LISTEN}}", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("{{UPSTREAMS}}", string.Join('\n', upstreams.Select(u => $"        server {u.Host}:{u.Port} max_fails=1 fail_timeout=5s;")), StringComparison.Ordinal);
        var configPath = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);

        var start = new ProcessStartInfo(Binary, ["-p", prefix, "-c", configPath, "-e", Path.Combine(prefix, "error.log")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NginxServer(process, prefix, port);
        try
        {
            await Eventually.True(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"nginx exited with code {process.ExitCode}: {server.ErrorLog}");
                }
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
            }, "nginx to listen", StartTimeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>The upstream (silo address) of every request and WebSocket nginx has logged so far, in order.</summary>
    public IReadOnlyList<string> Upstreams => [.. Read("access.log").Split('\n')
        .Select(line => line.LastIndexOf("upstream=", StringComparison.Ordinal) is var at and >= 0 ? line[(at + "upstream=".Length)..].Trim() : "")
        .Where(upstream => upstream.Length > 0 && upstream != "-")];

    public string ErrorLog => Read("error.log");

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.Stop(process, TimeSpan.FromSeconds(10));
        ChildProcesses.DeleteScratch(prefix);
    }

    private string Read(string file)
    {
        var path = Path.Combine(prefix, file);
        if (!File.Exists(path))
        {
            return "";
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
