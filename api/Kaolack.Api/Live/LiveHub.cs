using Kaolack.Contracts.Live;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Live;

/// <summary>
/// Live updates. A client subscribes to topics ("project:{slug}", "directory:cooperatives", …) and gets
/// "event" calls. Subscribing with the last version it saw returns what it missed, or a snapshot.
/// </summary>
public sealed class LiveHub(LiveRelay relay) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public const int MaxTopicsPerConnection = 64;

    public async Task<CatchUp> Subscribe(string topic, long? sinceVersion)
    {
        var parsed = Parse(topic);
        if (!relay.CanTrack(Context.ConnectionId, parsed, MaxTopicsPerConnection))
        {
            throw HubErrors.Create("too-many-topics", $"{MaxTopicsPerConnection} sujets au plus par connexion.");
        }
        // Join the group before catching up: an event landing in between arrives twice at worst, and clients skip versions they have.
        await Groups.AddToGroupAsync(Context.ConnectionId, parsed.ToString());
        await relay.Track(Context.ConnectionId, parsed);
        return await relay.CatchUp(parsed, sinceVersion);
    }

    public async Task Unsubscribe(string topic)
    {
        var parsed = Parse(topic);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, parsed.ToString());
        await relay.Untrack(Context.ConnectionId, parsed);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await relay.UntrackAll(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private static Topic Parse(string topic) => Topic.TryParse(topic, out var parsed)
        ? parsed
        : throw HubErrors.Create("invalid-topic", "Sujet attendu : cooperative:{slug}, diaspora-group:{slug}, project:{slug} ou directory:{cooperatives|diaspora-groups|projects}.");
}
