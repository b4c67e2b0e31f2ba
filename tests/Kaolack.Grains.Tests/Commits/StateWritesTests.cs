using Kaolack.Grains.Commits;
using Orleans.Storage;

namespace Kaolack.Grains.Tests.Commits;

public sealed class StateWritesTests
{
    [Fact]
    public async Task A_stored_state_becomes_the_grains_state_without_deactivating()
    {
        var store = new FakePersistentState<string>("v1");
        var deactivations = 0;

        await store.WriteOrRollback("v2", () => deactivations++);

        Assert.Equal(("v2", 0), (store.State, deactivations));
        Assert.Equal(["v2"], store.Stored);
    }

    [Fact]
    public async Task A_failed_write_puts_the_previous_state_back_and_reaches_the_caller()
    {
        var store = new FakePersistentState<string>("v1") { NextFailure = new TimeoutException("storage is away") };
        var deactivations = 0;

        var error = await Assert.ThrowsAsync<TimeoutException>(() => store.WriteOrRollback("v2", () => deactivations++));

        Assert.Equal("storage is away", error.Message);
        Assert.Equal(("v1", 0), (store.State, deactivations));
        Assert.Empty(store.Stored);
    }

    [Fact]
    public async Task A_write_refused_because_another_activation_wrote_also_deactivates_the_grain()
    {
        var store = new FakePersistentState<string>("v1") { NextFailure = new InconsistentStateException("etag mismatch") };
        var deactivations = 0;

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteOrRollback("v2", () => deactivations++));

        Assert.Equal(("v1", 1), (store.State, deactivations));
    }
}
