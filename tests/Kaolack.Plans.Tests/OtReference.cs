using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Kaolack.Plans.Tests;

/// <summary>Runs tests/ot-reference/check.js, i.e. the npm package ot-text-unicode itself.</summary>
internal static class OtReference
{
    private const string DirectoryVariable = "KAOLACK_OT_REFERENCE_DIR";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>tests/ot-reference, or <c>$KAOLACK_OT_REFERENCE_DIR</c> when set.</summary>
    public static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
            {
                return Path.GetFullPath(configured);
            }
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Kaolack.Orleans.sln")))
                {
                    return Path.Combine(dir.FullName, "tests", "ot-reference");
                }
            }
            throw new InvalidOperationException(
                $"Kaolack.Orleans.sln was not found above {AppContext.BaseDirectory}; set {DirectoryVariable} to the tests/ot-reference folder.");
        }
    }

    /// <summary>The exact version package.json pins, failing the test when it is a range.</summary>
    public static string PinnedVersion()
    {
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "package.json")))!;
        var pinned = package["dependencies"]?["ot-text-unicode"]?.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(pinned), "tests/ot-reference/package.json does not depend on ot-text-unicode.");
        Assert.True(char.IsAsciiDigit(pinned[0]), $"ot-text-unicode must be pinned to an exact version in tests/ot-reference/package.json, not \"{pinned}\".");
        return pinned;
    }

    /// <summary>Writes <paramref name="input"/> to a temp file, runs check.js on it once and returns its output.</summary>
    public static async Task<JsonObject> RunAsync(JsonObject input)
    {
        var dir = Directory;
        var installed = Path.Combine(dir, "node_modules", "ot-text-unicode", "package.json");
        if (!File.Exists(installed))
        {
            Assert.Fail($"The reference implementation is not installed: {installed} is missing. " +
                "Run ./test.sh (it runs `npm ci` in tests/ot-reference), or `npm ci` in that folder.");
        }
        var file = Path.Combine(Path.GetTempPath(), $"kaolack-ot-cases-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, input.ToJsonString(), new UTF8Encoding(false));
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(Path.Combine(dir, "check.js"));
            start.ArgumentList.Add(file);
            using var process = StartOrFail(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(Timeout))
            {
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"node check.js did not finish within {Timeout.TotalSeconds} s.");
                }
            }
            var output = await stdout;
            if (process.ExitCode != 0)
            {
                Assert.Fail($"node check.js exited with code {process.ExitCode}: {await stderr}");
            }
            return JsonNode.Parse(output)!.AsObject();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Process StartOrFail(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run `node` (is Node.js on PATH?): {e.Message}", e);
        }
    }
}
