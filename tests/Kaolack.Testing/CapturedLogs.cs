using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kaolack.Testing;

/// <summary>
/// A logger provider that keeps what the app's own code ("Kaolack.*") logs at <see cref="LogLevel.Information"/> and above
/// (whatever the host's minimum), and what libraries log as the app's own logging rules let through, so a test can read
/// what an operator's log would hold.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    /// <param name="Exception">What the entry carries besides its message: its stack trace is what a log line would print.</param>
    public sealed record Entry(DateTimeOffset At, string Category, LogLevel Level, string Message, Exception? Exception);

    public IReadOnlyList<Entry> Since(DateTimeOffset at) => [.. entries.Where(e => e.At >= at)];

    /// <summary>Adds this provider to <paramref name="logging"/>: the app's categories at Information and above.</summary>
    /// <remarks>
    /// A rule naming this provider wins over every rule that does not, whatever its category: one for every category would
    /// hide the rules the app sets for libraries' categories (the very ones a test may check).
    /// </remarks>
    public void AddTo(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddProvider(this);
        logging.AddFilter<CapturedLogs>("Kaolack", LogLevel.Information);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner.entries.Enqueue(new Entry(DateTimeOffset.UtcNow, category, logLevel, formatter(state, exception), exception));
        }
    }
}
