using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Tests.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;

namespace Kaolack.Grains.Tests.Commits;

public sealed class PublishedStateTests
{
    private const string Key = "cooperative-jokko";
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Start);
    private readonly FakePersistentState<EntityState<string>> store = new(new EntityState<string>());
    private readonly RecordingObserver watcher = new();
    private int deactivations;

    [Fact]
    public async Task Each_change_is_stored_as_the_next_version_then_published_whole()
    {
        var state = await Watched();

        await state.Commit("Jokko", ChangeKind.Created);
        clock.Advance(TimeSpan.FromMinutes(5));
        await state.Commit("Jokko d'Oujda", ChangeKind.Updated);

        Assert.Equal([1L, 2L], store.Stored.Select(s => s.Version));
        Assert.Equal(("Jokko d'Oujda", 2L, Start, Start.AddMinutes(5)), (state.Value, state.Version, state.Meta.CreatedAt, state.Meta.UpdatedAt));
        Assert.Equal(
            [(1L, ChangeKind.Created, Start, "Jokko@1"), (2L, ChangeKind.Updated, Start.AddMinutes(5), "Jokko d'Oujda@2")],
            watcher.Received.Select(e => (e.Version, e.Change, e.At, (string)e.Data!)));
        Assert.Equal($"cooperative:{Key}", watcher.Received[0].Topic);
    }

    [Fact]
    public async Task A_failed_write_keeps_the_previous_version_and_publishes_nothing()
    {
        var state = await Watched();
        await state.Commit("Jokko", ChangeKind.Created);
        store.NextFailure = new TimeoutException("storage is away");

        await Assert.ThrowsAsync<TimeoutException>(() => state.Commit("Jokko d'Oujda", ChangeKind.Updated));

        Assert.Equal(("Jokko", 1L, 0), (state.Value, state.Version, deactivations));
        Assert.Equal([1L], watcher.Received.Select(e => e.Version));
        Assert.Equal((1L, 0), (state.Live.CatchUp(Caller.System, 1).Version, state.Live.CatchUp(Caller.System, 1).Events.Length));
        await state.Commit("Jokko d'Oujda", ChangeKind.Updated);
        Assert.Equal([1L, 2L], watcher.Received.Select(e => e.Version));
    }

    [Fact]
    public async Task A_write_refused_because_another_activation_wrote_deactivates_the_grain()
    {
        var state = await Watched();
        store.NextFailure = new InconsistentStateException("etag mismatch");

        await Assert.ThrowsAsync<InconsistentStateException>(() => state.Commit("Jokko", ChangeKind.Created));

        Assert.Equal((null, 0L, 1), (state.Value, state.Version, deactivations));
        Assert.Empty(watcher.Received);
    }

    [Fact]
    public async Task A_deletion_keeps_its_version_carries_the_meta_and_starts_the_journal_afresh()
    {
        var state = await Watched();
        await state.Commit("Jokko", ChangeKind.Created);
        await state.Commit("Jokko d'Oujda", ChangeKind.Updated);

        await state.Commit(null, ChangeKind.Deleted);

        Assert.Equal((null, 3L), (state.Value, state.Version));
        var deleted = watcher.Received[^1];
        Assert.Equal((3L, ChangeKind.Deleted), (deleted.Version, deleted.Change));
        Assert.Equal(new EntityMeta(Key, 3, Start, Start), deleted.Data);
        Assert.Equal([deleted], state.Live.CatchUp(Caller.System, 2).Events);
        var fromBefore = Assert.Single(state.Live.CatchUp(Caller.System, 1).Events);
        Assert.Equal((ChangeKind.Snapshot, 3L), (fromBefore.Change, fromBefore.Version));
        Assert.IsType<EntityMeta>(fromBefore.Data);
    }

    private async Task<PublishedState<string>> Watched()
    {
        var state = new PublishedState<string>(
            store, Key, Topic.ForEntity(EntityKind.Cooperative, Key), new TaskCompletionSource().Task, (value, meta) => $"{value}@{meta.Version}",
            clock, NullLogger.Instance, () => deactivations++);
        Assert.Equal(0, await state.Live.Watch(watcher));
        return state;
    }
}
