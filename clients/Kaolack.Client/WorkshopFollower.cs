using System.Text.Json;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Wire;
using Kaolack.Contracts.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Client;

/// <summary>
/// Follows one workshop live on a hub connection, as the web client does: a snapshot on subscribing, then each event's
/// delta applied to the view held (<see cref="WorkshopDeltas.Apply"/>), or a whole view when the server sends one.
/// Events older than the view are skipped; events that arrive while subscribing are applied after the catch-up. After a
/// reconnect, <see cref="Subscribe"/> again catches up from the last version seen.
/// </summary>
public sealed class WorkshopFollower : IDisposable
{
    private readonly HubConnection connection;
    private readonly JsonSerializerOptions json;
    private readonly IDisposable handler;
    private readonly Lock gate = new();
    private readonly List<LiveEvent> arrivedWhileSubscribing = [];
    private bool subscribing;
    private WorkshopView? view;

    /// <param name="received">Called with every event of the topic as it arrives (before it is applied): a place to count or time them.</param>
    public WorkshopFollower(HubConnection connection, string workshopId, Action<LiveEvent>? received = null, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.json = json ?? WireJson.Options;
        Topic = $"workshop:{workshopId}";
        handler = connection.On<LiveEvent>("Event", liveEvent =>
        {
            if (liveEvent.Topic != Topic)
            {
                return;
            }
            received?.Invoke(liveEvent);
            lock (gate)
            {
                if (subscribing)
                {
                    arrivedWhileSubscribing.Add(liveEvent);
                }
                else
                {
                    Apply(liveEvent);
                }
            }
        });
    }

    public string Topic { get; }

    /// <summary>The workshop as this connection sees it now; null before the first snapshot, or once deleted.</summary>
    public WorkshopView? View
    {
        get
        {
            lock (gate)
            {
                return view;
            }
        }
    }

    /// <summary>Subscribes (again) from the last version held, and applies what was missed.</summary>
    public async Task Subscribe()
    {
        long? since;
        lock (gate)
        {
            subscribing = true;
            since = view?.Meta.Version;
        }
        try
        {
            var catchUp = await connection.InvokeAsync<CatchUp>("Subscribe", Topic, since);
            lock (gate)
            {
                foreach (var liveEvent in catchUp.Events.Concat(arrivedWhileSubscribing).OrderBy(e => e.Version))
                {
                    Apply(liveEvent);
                }
            }
        }
        finally
        {
            lock (gate)
            {
                arrivedWhileSubscribing.Clear();
                subscribing = false;
            }
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until the view satisfies <paramref name="condition"/>.</summary>
    public async Task<WorkshopView> WaitFor(Func<WorkshopView, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (View is { } current && condition(current))
            {
                return current;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Topic}: the view did not reach the expected state within {timeout.TotalSeconds:0.#} s (v{View?.Meta.Version}).");
            }
            await Task.Delay(20);
        }
    }

    public void Dispose() => handler.Dispose();

    private void Apply(LiveEvent liveEvent)
    {
        if (view is not null && liveEvent.Version <= view.Meta.Version)
        {
            return;
        }
        var data = liveEvent.Data is JsonElement element ? element : JsonSerializer.SerializeToElement(liveEvent.Data, json);
        var whole = data.TryGetProperty("meta", out _);
        if (liveEvent.Change == ChangeKind.Deleted || (liveEvent.Change == ChangeKind.Snapshot && !whole))
        {
            // Deleted: the data is the tombstone's meta.
            view = null;
        }
        else if (whole)
        {
            view = data.Deserialize<WorkshopView>(json);
        }
        else if (view is not null)
        {
            view = WorkshopDeltas.Apply(view, data.Deserialize<WorkshopDelta>(json)!, liveEvent.Version, liveEvent.At);
        }
    }
}
