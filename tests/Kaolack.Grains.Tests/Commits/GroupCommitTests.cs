using System.Collections.Concurrent;
using Kaolack.Grains.Commits;
using Kaolack.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaolack.Grains.Tests.Commits;

/// <summary>
/// The group commit as a reentrant grain drives it: a change is applied (the applied version moves), then awaits
/// <see cref="GroupCommit{TWritten}.UntilPersisted"/>. Writes here store the applied version in a list, as the
/// programme dashboard stores its state or the plan appends its batch.
/// </summary>
public sealed class GroupCommitTests
{
    /// <summary>Far longer than any of these commits takes, short enough to fail a test that would otherwise hang.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly List<long> writes = [];
    private readonly List<long> committed = [];
    private long applied;
    private int deactivations;

    /// <summary>
    /// A write that completes without yielding finishes before the call that started it has stored its task. The old
    /// loop (<c>flush ??= Flush()</c>, with <c>flush = null</c> in the write's <c>finally</c>) kept that finished task and
    /// awaited it again for the next change: it completed at once, forever, and the activation spun.
    /// </summary>
    [Fact]
    public async Task A_change_after_a_write_that_completed_without_yielding_gets_a_write_of_its_own()
    {
        var commit = Commit(WriteAtOnce);

        applied = 1;
        await commit.UntilPersisted(1).WaitAsync(Bound);
        applied = 2;
        // On a pool thread, so a loop that spins fails this test at the bound instead of hanging it.
        await Task.Run(() => commit.UntilPersisted(2)).WaitAsync(Bound);

        Assert.Equal([1L, 2L], writes);
        Assert.Equal([1L, 2L], committed);
        Assert.Equal(2, commit.Persisted);
    }

    [Fact]
    public async Task One_write_carries_every_change_applied_before_it_starts_and_each_waits_for_the_write_that_holds_it()
    {
        var storage = new ConcurrentQueue<TaskCompletionSource>();
        var commit = Commit(async upTo =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            storage.Enqueue(done);
            await done.Task;
            writes.Add(upTo);
            return upTo;
        });

        applied = 1;
        var first = commit.UntilPersisted(1);
        applied = 2;
        var second = commit.UntilPersisted(2);
        applied = 3;
        var third = commit.UntilPersisted(3);

        Assert.True(storage.TryDequeue(out var firstWrite) && storage.IsEmpty);
        firstWrite.SetResult();
        await first.WaitAsync(Bound);
        Assert.False(second.IsCompleted || third.IsCompleted);
        await Eventually.True(() => storage.Count == 1, "the second write", Bound);
        Assert.True(storage.TryDequeue(out var secondWrite));
        secondWrite.SetResult();
        await Task.WhenAll(second, third).WaitAsync(Bound);

        Assert.Equal([1L, 3L], writes);
        Assert.Equal([1L, 3L], committed);
        Assert.Empty(storage);
    }

    [Fact]
    public async Task A_waiter_resumes_only_after_its_write_is_published()
    {
        var commit = new GroupCommit<long>("test", 0, () => applied, upTo => Task.FromResult(upTo), async upTo =>
        {
            await Task.Yield();
            committed.Add(upTo);
        }, () => deactivations++, NullLogger.Instance);

        applied = 1;
        await commit.UntilPersisted(1).WaitAsync(Bound);

        Assert.Equal([1L], committed);
    }

    [Fact]
    public async Task A_failed_write_fails_every_waiter_on_it_breaks_the_commit_and_deactivates_once()
    {
        var storage = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        applied = 1;
        var commit = Commit(upTo =>
        {
            writes.Add(upTo);
            return storage.Task;
        }, persisted: 1);

        applied = 2;
        var second = commit.UntilPersisted(2);
        applied = 3;
        var third = commit.UntilPersisted(3);
        storage.SetException(new TimeoutException("storage is away"));

        await Assert.ThrowsAsync<TimeoutException>(() => second.WaitAsync(Bound));
        await Assert.ThrowsAsync<TimeoutException>(() => third.WaitAsync(Bound));
        applied = 4;
        await Assert.ThrowsAsync<InvalidOperationException>(() => commit.UntilPersisted(4).WaitAsync(Bound));
        await commit.UntilPersisted(1).WaitAsync(Bound);

        Assert.True(commit.IsBroken);
        Assert.Equal((1L, 1), (commit.Persisted, deactivations));
        Assert.Equal([2L], writes);
        Assert.Empty(committed);
    }

    [Fact]
    public async Task Waiting_for_a_version_never_applied_is_refused_at_once()
    {
        var commit = Commit(WriteAtOnce);
        applied = 1;

        await Assert.ThrowsAsync<InvalidOperationException>(() => commit.UntilPersisted(2).WaitAsync(Bound));

        Assert.Empty(writes);
    }

    [Fact]
    public async Task What_was_durable_at_activation_needs_no_write()
    {
        var commit = new GroupCommit<long>("test", 7, () => applied, _ => throw new InvalidOperationException("No write is needed."),
            _ => Task.CompletedTask, () => deactivations++, NullLogger.Instance);
        applied = 7;

        await commit.UntilPersisted(7).WaitAsync(Bound);

        Assert.Equal((7L, 7L), (commit.Applied, commit.Persisted));
    }

    /// <summary>A write that completes without yielding.</summary>
    private Task<long> WriteAtOnce(long upTo)
    {
        writes.Add(upTo);
        return Task.FromResult(upTo);
    }

    private GroupCommit<long> Commit(Func<long, Task<long>> write, long persisted = 0) => new("test", persisted, () => applied, write, upTo =>
    {
        committed.Add(upTo);
        return Task.CompletedTask;
    }, () => deactivations++, NullLogger.Instance);
}
