using System.Text.Json;
using Kaolack.Api.Auth;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Live;

/// <summary>
/// Live updates and plan co-editing. A client subscribes to topics ("project:{slug}", "plan:{slug}",
/// "directory:cooperatives", …) and gets
/// "event" calls. Subscribing with the last version it saw returns what it missed, or a snapshot.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveRelay relay, IGrainFactory grains, IOptions<JsonHubProtocolOptions> json) : Hub<ILiveClient>
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

    /// <summary>
    /// Submits one plan op made against <see cref="PlanSubmission.BaseVersion"/>; the answer comes once the
    /// op is durable. Everyone subscribed to "plan:{projectSlug}" (the sender too) receives the applied op.
    /// </summary>
    /// <remarks>
    /// The submission is bound here rather than by SignalR, whose binding failures reach the client only as
    /// "Failed to invoke …": a malformed op (unknown type, a text op that is not an array, an unknown member)
    /// is refused as "validation-failed: …" like any other invalid op.
    /// </remarks>
    public Task<PlanAck> SubmitPlanOp(string projectSlug, JsonElement submission)
    {
        var caller = Context.User?.ToCaller() ?? throw new UnauthenticatedException();
        if (!Slug.IsValid(projectSlug))
        {
            throw HubErrors.Create("invalid-topic", "Identifiant de projet invalide.");
        }
        PlanSubmission? parsed;
        try
        {
            parsed = submission.Deserialize<PlanSubmission>(json.Value.PayloadSerializerOptions);
        }
        catch (JsonException exception)
        {
            throw HubErrors.Create("validation-failed", $"Soumission illisible ({exception.Path ?? "$"}) : {{clientId, seq, baseVersion, op}} attendu.");
        }
        return grains.GetGrain<IPlanDocumentGrain>(projectSlug).Submit(caller, parsed ?? throw HubErrors.Create("validation-failed", "Soumission manquante."));
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
