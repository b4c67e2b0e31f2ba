using System.Diagnostics;

namespace Kaolack.Testing;

/// <summary>
/// What the tests do to the processes they start (Azurite, silos, nginx): freeze and thaw them with the Unix signals .NET
/// has no API for (SIGSTOP, SIGCONT, sent with kill(1) by process id), stop them, and remove their scratch folders.
/// </summary>
public static class ChildProcesses
{
    /// <summary>SIGSTOP: the process stays, its sockets open, and answers nothing until <see cref="Resume"/> (call it in a finally).</summary>
    public static Task Pause(Process process) => Send(process, "STOP");

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public static Task Resume(Process process) => Send(process, "CONT");

    /// <summary>Kills the process and its children (SIGKILL, which a paused process obeys too), waits for them within <paramref name="bound"/>, and lets it go.</summary>
    public static async Task Stop(Process process, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(bound).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Deletes a process's scratch folder; a file still held open leaves it in the temp folder, where it never affects another run.</summary>
    public static void DeleteScratch(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task Send(Process process, string signal)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, $"{process.Id}"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {process.Id} failed ({kill.ExitCode}).");
        }
    }
}
