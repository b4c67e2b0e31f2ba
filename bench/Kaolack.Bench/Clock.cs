using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kaolack.Bench;

/// <summary>
/// The one clock of the load process: milliseconds since start on <see cref="Stopwatch"/> (CLOCK_MONOTONIC
/// on Linux, nanosecond ticks), shared by the scheduler, every client and every measurement.
/// </summary>
internal static partial class Clock
{
    private const int ClockMonotonic = 1;
    private const int TimerAbstime = 1;
    private const int Eintr = 4;

    private static readonly long Origin = Stopwatch.GetTimestamp();
    private static readonly double MsPerTick = 1000.0 / Stopwatch.Frequency;
    private static bool nanosleepUsable = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    public static double NowMs => (Stopwatch.GetTimestamp() - Origin) * MsPerTick;

    /// <summary>"clock_nanosleep" when it serves the waits, else "sleep+spin".</summary>
    public static string WaitMethod => nanosleepUsable ? "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)" : "sleep+spin";

    /// <summary>
    /// Blocks the calling thread until <paramref name="targetMs"/> on this clock. On Linux an absolute
    /// clock_nanosleep on CLOCK_MONOTONIC (the clock behind Stopwatch), which wakes within tens of µs
    /// without spinning; elsewhere a coarse sleep followed by a short spin.
    /// </summary>
    public static void WaitUntil(double targetMs)
    {
        var targetTicks = Origin + (long)(targetMs / MsPerTick);
        if (nanosleepUsable)
        {
            var request = new Timespec { Seconds = targetTicks / 1_000_000_000, Nanoseconds = targetTicks % 1_000_000_000 };
            try
            {
                // Bounded: EINTR is the only retry, and the target does not move.
                for (var attempt = 0; attempt < 1000; attempt++)
                {
                    var rc = ClockNanosleep(ClockMonotonic, TimerAbstime, in request, IntPtr.Zero);
                    if (rc == 0)
                    {
                        return;
                    }
                    if (rc != Eintr)
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                nanosleepUsable = false;
            }
        }
        while (true)
        {
            var remaining = targetMs - NowMs;
            if (remaining <= 0)
            {
                return;
            }
            if (remaining > 2)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(remaining - 1.5));
            }
            else
            {
                Thread.SpinWait(64);
            }
        }
    }

    /// <summary>Maps the server's UTC timestamps (PlanChange.At, same machine) onto this clock.</summary>
    internal sealed class UtcMapping
    {
        private readonly DateTimeOffset utc;
        private readonly double ms;

        public UtcMapping()
        {
            // The narrowest of a few bracketing samples.
            var best = double.MaxValue;
            for (var i = 0; i < 20; i++)
            {
                var before = NowMs;
                var now = DateTimeOffset.UtcNow;
                var after = NowMs;
                if (after - before < best)
                {
                    best = after - before;
                    utc = now;
                    ms = (before + after) / 2;
                }
            }
        }

        public double ToMs(DateTimeOffset at) => ms + (at - utc).TotalMilliseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clockId, int flags, in Timespec request, IntPtr remain);
}
