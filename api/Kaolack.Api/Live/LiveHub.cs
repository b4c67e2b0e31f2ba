using Kaolack.Api.Auth;
using Kaolack.Contracts.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Live;

/// <summary>
/// Live updates. A client subscribes to topics ("project:{slug}", "directory:cooperatives", …) and gets
/// "event" calls. Subscribing with the last version it saw returns what it missed, or a snapshot.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveRelay relay) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public const int MaxTopicsPerConnection = 64;

    /// <summary>
    /// Refused (typed error "forbidden: …") when the caller may not read the topic. Missed events are
    /// fetched before joining (that is the access check) and once more after, so none falls in between.
    /// </summary>
    public async Task<CatchUp> Subscribe(string topic, long? sinceVersion)
    {
        var parsed = Parse(topic);
        var caller = Context.User?.ToCaller() ?? throw new UnauthenticatedException();
        if (!relay.CanTrack(Context.ConnectionId, parsed, MaxTopicsPerConnection))
        {
            throw HubErrors.Create("too-many-topics", $"{MaxTopicsPerConnection} sujets au plus par connexion.");
        }
        var missed = await relay.CatchUp(parsed, sinceVersion, caller);
        await Groups.AddToGroupAsync(Context.ConnectionId, parsed.ToString());
        await relay.Track(Context.ConnectionId, parsed, caller);
        var meanwhile = await relay.CatchUp(parsed, missed.Version, caller);
        return missed with { Version = meanwhile.Version, Events = [.. missed.Events, .. meanwhile.Events] };
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
