namespace Kaolack.Bench;

/// <summary>
/// The open-loop schedule, as bench/peers/lib/common.js: global op index g = 0 .. N-1 with
/// N = (warm-up + measured seconds) × R; op g is due at measureStart + (g - warmOps) / R s
/// and is sent by sender ((g - warmOps) mod S).
/// </summary>
internal sealed class Schedule(double rate, int senders, double warmupS, double measureS)
{
    public int WarmOps { get; } = (int)Math.Round(warmupS * rate, MidpointRounding.AwayFromZero);

    public int N { get; } = (int)Math.Round((warmupS + measureS) * rate, MidpointRounding.AwayFromZero);

    public double DueOffsetMs(int g) => (g - WarmOps) * 1000.0 / rate;

    public int SenderOf(int g) => (((g - WarmOps) % senders) + senders) % senders;
}
