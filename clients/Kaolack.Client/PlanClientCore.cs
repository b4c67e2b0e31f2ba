using System.Text.Json;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;

namespace Kaolack.Client;

/// <summary>
/// What the parts of a <see cref="PlanClient"/> share: the state machine behind one lock, whether the client is online and
/// on which connection epoch, why it stopped, and the signal that wakes whoever waits for a change. Every property is read
/// and written under <see cref="Gate"/>; the methods that take the lock themselves say so.
/// </summary>
internal sealed class PlanClientCore(string clientId, string topic, JsonSerializerOptions json, Action<PlanUpdate> updated)
{
    private TaskCompletionSource changed = NewSignal();

    public Lock Gate { get; } = new();

    public PlanClientState State { get; } = new(clientId);

    /// <summary>The plan's live topic, "plan:{key}".</summary>
    public string Topic => topic;

    /// <summary>Increases with each (re)subscription and each loss of the connection: work begun in an older epoch is stale.</summary>
    public long Epoch { get; set; }

    /// <summary>Subscribed and caught up on the current connection.</summary>
    public bool Online { get; set; }

    /// <summary>Why the client stopped (the document no longer matches the server's, or access was refused).</summary>
    public Exception? Fault { get; set; }

    /// <summary>The plan refuses edits for now ("plan-read-only": its log cannot be read); they stay pending and are tried again.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Times the server was found behind what this client had received (its store lost acknowledged ops).</summary>
    public int ServerLosses { get; set; }

    /// <summary>A snapshot older than the local version was pushed: ask the server (a subscription) whether it went back.</summary>
    public bool BehindSuspected { get; set; }

    public bool Disposed { get; set; }

    /// <summary>Completes at the next change of anything here (under the gate: the signal of the moment).</summary>
    public Task Changed => changed.Task;

    /// <summary>
    /// Under the gate: applies live events of the plan's topic in order (a catch-up's, or one pushed). One that does not fit
    /// the local document, or cannot be read, stops the client: its document is no longer the server's.
    /// </summary>
    public PlanUpdate Apply(IEnumerable<LiveEvent> events) => Apply(events, serverBehind: false);

    /// <summary>
    /// Under the gate: applies the server's answer to a subscription. Its version is the plan's as stored: below this
    /// client's, the store lost ops the client had received, and the snapshot it carries is loaded anyway (see
    /// <see cref="PlanClientState.LoadBehind"/>).
    /// </summary>
    public PlanUpdate ApplyAnswer(CatchUp answer)
    {
        var behind = State.IsLoaded && answer.Version < State.Version;
        if (behind)
        {
            ServerLosses++;
        }
        return Apply(answer.Events, behind);
    }

    private PlanUpdate Apply(IEnumerable<LiveEvent> events, bool serverBehind)
    {
        var update = PlanUpdate.None;
        try
        {
            foreach (var liveEvent in events)
            {
                update = update.Then(liveEvent.Change == ChangeKind.Snapshot
                    ? serverBehind ? State.LoadBehind(Read<PlanSnapshot>(liveEvent)) : State.Load(Read<PlanSnapshot>(liveEvent))
                    : State.Receive(Read<PlanChange>(liveEvent)));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException)
        {
            Fault = exception;
            Online = false;
        }
        return update;
    }

    /// <summary>Tells the client's listeners (outside the gate) and wakes whoever waits.</summary>
    public void Publish(PlanUpdate update)
    {
        if (!update.IsEmpty || update.Reloaded)
        {
            updated(update);
        }
        Signal();
    }

    /// <summary>Takes the gate: wakes whoever waits for a change.</summary>
    public void Signal()
    {
        TaskCompletionSource previous;
        lock (Gate)
        {
            previous = changed;
            changed = NewSignal();
        }
        previous.TrySetResult();
    }

    /// <summary>Takes the gate: the connection is gone, and everything begun on it is stale.</summary>
    public void GoOffline()
    {
        lock (Gate)
        {
            Online = false;
            Epoch++;
        }
        Signal();
    }

    /// <summary>Takes the gate: the client stops for good (the first reason stays).</summary>
    public void Stop(Exception exception)
    {
        lock (Gate)
        {
            Fault ??= exception;
            Online = false;
        }
        Signal();
    }

    public void ThrowIfFaulted()
    {
        if (Fault is not null)
        {
            throw new InvalidOperationException($"Plan client {State.ClientId} stopped: {Fault.Message}", Fault);
        }
    }

    /// <summary>An event's data as <typeparamref name="T"/>: typed already, or the JSON element the hub client received.</summary>
    public T Read<T>(LiveEvent liveEvent)
        where T : class => liveEvent.Data switch
        {
            T typed => typed,
            JsonElement element => element.Deserialize<T>(json) ?? throw new JsonException($"Empty {typeof(T).Name} in {liveEvent.Topic} v{liveEvent.Version}."),
            _ => throw new JsonException($"Unexpected data in {liveEvent.Topic} v{liveEvent.Version}: {liveEvent.Data?.GetType().Name ?? "null"}."),
        };

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
