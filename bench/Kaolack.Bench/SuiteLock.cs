namespace Kaolack.Bench;

/// <summary>
/// An exclusive lock on a file, held for a whole suite so that two benchmark suites (this one and
/// bench/peers/run-all.sh, which takes the same file with flock(1)) never measure at the same time.
/// On Linux, .NET opens a file with <see cref="FileShare.None"/> under flock(LOCK_EX | LOCK_NB).
/// </summary>
internal sealed class SuiteLock : IDisposable
{
    private readonly FileStream stream;

    private SuiteLock(FileStream stream) => this.stream = stream;

    public static async Task<SuiteLock> AcquireAsync(string path, TimeSpan timeout)
    {
        var deadline = Clock.NowMs + timeout.TotalMilliseconds;
        var announced = false;
        while (true)
        {
            try
            {
                return new SuiteLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (Clock.NowMs < deadline)
            {
                if (!announced)
                {
                    await Console.Error.WriteLineAsync($"[bench] waiting for {path} (another benchmark suite is running) …");
                    announced = true;
                }
                await Task.Delay(1000);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
