namespace Kaolack.Grains.Tests.Commits;

/// <summary>Grain state in memory for narrow unit tests: counts writes, keeps what each stored, fails when told to.</summary>
internal sealed class FakePersistentState<TState>(TState initial) : IPersistentState<TState>
{
    public TState State { get; set; } = initial;

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    /// <summary>The states written, in order.</summary>
    public List<TState> Stored { get; } = [];

    /// <summary>Thrown by the next write instead of storing.</summary>
    public Exception? NextFailure { get; set; }

    public Task WriteStateAsync()
    {
        if (NextFailure is { } failure)
        {
            NextFailure = null;
            return Task.FromException(failure);
        }
        Stored.Add(State);
        Etag = $"etag-{Stored.Count}";
        RecordExists = true;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync(CancellationToken cancellationToken) => WriteStateAsync();

    public Task ReadStateAsync() => Task.CompletedTask;

    public Task ReadStateAsync(CancellationToken cancellationToken) => ReadStateAsync();

    public Task ClearStateAsync() => throw new NotSupportedException();

    public Task ClearStateAsync(CancellationToken cancellationToken) => ClearStateAsync();
}
