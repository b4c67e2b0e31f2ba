using System.Text.Json;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Client;

/// <summary>
/// A <see cref="PlanClient"/>'s presence in its plan ("presence:{key}"): where this client shows itself, and the others.
/// Cursors cross two coordinate systems: the server keeps them in its document, the client shows its own pending ops on
/// top, so a cursor sent is taken back through them and one received is moved forward through them.
/// </summary>
internal sealed class PlanPresenceClient(PlanClientCore core, HubConnection connection, string planKey, string topic)
{
    private bool watching;
    private long version = -1;
    private PresenceEntry[] present = [];
    private (PlanEntityKind? Kind, string? EntityId, string? Field, int? Cursor)? shown;

    public event EventHandler? Changed;

    /// <summary>Takes the gate: the other clients, their text cursors moved into the local document.</summary>
    public IReadOnlyList<PresenceEntry> Others
    {
        get
        {
            lock (core.Gate)
            {
                return [.. present.Where(e => e.ClientId != core.State.ClientId).Select(ToLocal)];
            }
        }
    }

    public string Topic => topic;

    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        lock (core.Gate)
        {
            watching = true;
        }
        await SubscribeAsync(cancellationToken);
    }

    public async Task ShowAsync(PlanEntityKind? kind, string? entityId, string? field, int? cursor, CancellationToken cancellationToken)
    {
        PresenceUpdate update;
        lock (core.Gate)
        {
            shown = (kind, entityId, field, cursor);
            update = ToServer(kind, entityId, field, cursor);
        }
        await connection.InvokeAsync("UpdatePresence", planKey, update, cancellationToken);
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        lock (core.Gate)
        {
            shown = null;
        }
        await connection.InvokeAsync("LeavePresence", planKey, core.State.ClientId, cancellationToken);
    }

    /// <summary>A new connection has no presence: subscribe again when watching, show again what was shown.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        bool watch;
        PresenceUpdate? show;
        lock (core.Gate)
        {
            watch = watching;
            show = shown is var (kind, entityId, field, cursor) ? ToServer(kind, entityId, field, cursor) : null;
        }
        if (watch)
        {
            await SubscribeAsync(cancellationToken);
        }
        if (show is not null)
        {
            await connection.InvokeAsync("UpdatePresence", planKey, show, cancellationToken);
        }
    }

    /// <summary>Every presence event is the whole list; versions increase (not one by one), so an older one is ignored.</summary>
    public void OnEvent(LiveEvent liveEvent)
    {
        PresenceList list;
        try
        {
            list = core.Read<PresenceList>(liveEvent);
        }
        catch (JsonException)
        {
            return;
        }
        lock (core.Gate)
        {
            if (liveEvent.Version <= version)
            {
                return;
            }
            version = liveEvent.Version;
            present = list.Entries;
        }
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var catchUp = await connection.InvokeAsync<CatchUp>("Subscribe", topic, null, cancellationToken);
        foreach (var liveEvent in catchUp.Events)
        {
            OnEvent(liveEvent);
        }
    }

    private PresenceUpdate ToServer(PlanEntityKind? kind, string? entityId, string? field, int? cursor) =>
        new(core.State.ClientId, kind, entityId, field,
            cursor is { } local && IsTextField(kind, entityId, field) ? core.State.LocalToServerCursor(kind!.Value, entityId!, field!, local) : cursor);

    private PresenceEntry ToLocal(PresenceEntry entry) =>
        entry.Cursor is { } cursor && IsTextField(entry.Kind, entry.EntityId, entry.Field)
            ? entry with { Cursor = core.State.ServerToLocalCursor(entry.Kind!.Value, entry.EntityId!, entry.Field!, cursor) }
            : entry;

    private static bool IsTextField(PlanEntityKind? kind, string? entityId, string? field) =>
        kind is { } k && entityId is not null && field is not null && PlanFields.Texts(k).Contains(field);
}
