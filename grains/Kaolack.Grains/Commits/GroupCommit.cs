using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Commits;

/// <summary>
/// Group commit for a reentrant grain: changes are applied in memory at once, each numbered by the grain's applied
/// version, and one write makes durable every change applied before it starts; a change waiting for durability
/// (<see cref="UntilPersisted"/>) starts a write only when none is in flight, else waits for it and then for the next.
/// A failed write breaks the grain: what was applied but not stored was never acknowledged, so the grain deactivates
/// to reload from storage, and every later wait fails at once.
/// </summary>
/// <typeparam name="TWritten">What a write stored, handed to <c>committed</c> (the state or batch it captured).</typeparam>
public sealed class GroupCommit<TWritten>
{
    private readonly string name;
    private readonly Func<long> applied;
    private readonly Func<long, Task<TWritten>> write;
    private readonly Func<TWritten, Task> committed;
    private readonly Action deactivateOnIdle;
    private readonly ILogger logger;
    private Task? inFlight;

    /// <param name="name">The grain, as log lines name it.</param>
    /// <param name="persisted">The version already durable (at activation).</param>
    /// <param name="applied">The grain's version applied in memory.</param>
    /// <param name="write">
    /// Stores everything applied up to the version it is given (captured before its first await, while no other call
    /// runs) and answers what it stored.
    /// </param>
    /// <param name="committed">Runs once the write is durable and <see cref="Persisted"/> has moved, before any waiter resumes: publish here.</param>
    /// <param name="deactivateOnIdle">The grain's <c>DeactivateOnIdle</c>.</param>
    public GroupCommit(
        string name,
        long persisted,
        Func<long> applied,
        Func<long, Task<TWritten>> write,
        Func<TWritten, Task> committed,
        Action deactivateOnIdle,
        ILogger logger)
    {
        this.name = name;
        this.applied = applied;
        this.write = write;
        this.committed = committed;
        this.deactivateOnIdle = deactivateOnIdle;
        this.logger = logger;
        Persisted = persisted;
    }

    /// <summary>The version applied in memory: what the next write will store.</summary>
    public long Applied => applied();

    /// <summary>The version stored: everything up to it is durable.</summary>
    public long Persisted { get; private set; }

    /// <summary>A write failed: nothing more is stored by this activation.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Waits until <paramref name="target"/> is durable, writing when no write is under way.</summary>
    public async Task UntilPersisted(long target)
    {
        if (target > Applied)
        {
            // Nothing can make durable a version that was never applied: fail loudly rather than wait forever.
            throw new InvalidOperationException($"{name}: v{target} awaited but only v{Applied} is applied.");
        }
        while (Persisted < target)
        {
            if (IsBroken)
            {
                throw new InvalidOperationException($"{name}: an earlier write failed; the grain reloads from storage.");
            }
            // A write that finished, even one that never yielded, is never awaited again: it would complete at once,
            // forever, and spin the activation.
            if (inFlight is not { IsCompleted: false })
            {
                inFlight = Write();
            }
            await inFlight;
        }
    }

    private async Task Write()
    {
        var from = Persisted + 1;
        var upTo = Applied;
        TWritten written;
        try
        {
            written = await write(upTo);
        }
        catch (Exception exception)
        {
            // Applied but unstored changes were never acknowledged: their senders retry once the grain has reloaded.
            IsBroken = true;
            logger.LogError(exception, "{Name}: write of v{From}–v{UpTo} failed; reloading from storage", name, from, upTo);
            deactivateOnIdle();
            throw;
        }
        Persisted = upTo;
        await committed(written);
    }
}
