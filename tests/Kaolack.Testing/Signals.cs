using System.Diagnostics;

namespace Kaolack.Testing;

/// <summary>Unix signals .NET has no API for (SIGSTOP, SIGCONT), sent with kill(1), by process id.</summary>
public static class Signals
{
    public static async Task Send(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, $"{processId}"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {processId} failed ({kill.ExitCode}).");
        }
    }
}
