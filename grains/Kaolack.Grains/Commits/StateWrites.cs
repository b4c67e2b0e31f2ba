using Orleans.Storage;

namespace Kaolack.Grains.Commits;

/// <summary>The one way a grain that answers only once durable writes its state.</summary>
public static class StateWrites
{
    /// <summary>
    /// Makes <paramref name="next"/> the grain's state and writes it. If the write fails, the previous state is put back
    /// and the error reaches the caller: nothing unpersisted is acknowledged or published. An
    /// <see cref="InconsistentStateException"/> means another activation wrote meanwhile: this one also deactivates, so
    /// the next call reloads from storage.
    /// </summary>
    /// <param name="next">A new state object: the previous one is kept untouched to be put back.</param>
    /// <param name="deactivateOnIdle">The grain's <c>DeactivateOnIdle</c>.</param>
    public static async Task WriteOrRollback<TState>(this IPersistentState<TState> store, TState next, Action deactivateOnIdle)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(deactivateOnIdle);
        var previous = store.State;
        store.State = next;
        try
        {
            await store.WriteStateAsync();
        }
        catch (Exception exception)
        {
            store.State = previous;
            if (exception is InconsistentStateException)
            {
                deactivateOnIdle();
            }
            throw;
        }
    }
}
