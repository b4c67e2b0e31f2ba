using System.Security.Claims;
using System.Text.Json;
using Kaolack.Api.Auth;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Live;

/// <summary>
/// Live updates and plan co-editing. A client subscribes to topics ("project:{slug}", "plan:{slug}", "presence:{slug}",
/// "dashboard:programme", "dashboard:project:{slug}", "directory:cooperatives", …) and gets
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
        RequireProjectSlug(projectSlug);
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

    /// <summary>
    /// Shows (or refreshes) where this client is in the plan of <paramref name="projectSlug"/>, under the signed-in
    /// account's display name; project readers only. Clients send it when they move and as a heartbeat well within
    /// the presence TTL (15 s by default). Everyone subscribed to "presence:{projectSlug}" receives the whole list.
    /// </summary>
    /// <remarks>Bound here, like <see cref="SubmitPlanOp"/>, so a malformed update (an unknown kind) is "validation-failed".</remarks>
    public async Task UpdatePresence(string projectSlug, JsonElement update)
    {
        var caller = Context.User?.ToCaller() ?? throw new UnauthenticatedException();
        RequireProjectSlug(projectSlug);
        PresenceUpdate? parsed;
        try
        {
            parsed = update.Deserialize<PresenceUpdate>(json.Value.PayloadSerializerOptions);
        }
        catch (JsonException exception)
        {
            throw HubErrors.Create("validation-failed", $"Présence illisible ({exception.Path ?? "$"}) : {{clientId, kind, entityId, field, cursor}} attendu.");
        }
        if (parsed is null)
        {
            throw HubErrors.Create("validation-failed", "Présence manquante : {clientId, kind, entityId, field, cursor} attendu.");
        }
        var displayName = Context.User?.FindFirst(ClaimTypes.Name)?.Value ?? caller.UserId;
        await grains.GetGrain<IPlanPresenceGrain>(projectSlug).Update(caller, displayName, parsed);
        PresenceShown().Add((projectSlug, parsed.ClientId));
    }

    /// <summary>Removes this account's client <paramref name="clientId"/> from the plan's presence at once (otherwise it goes after the TTL).</summary>
    public Task LeavePresence(string projectSlug, string clientId)
    {
        var caller = Context.User?.ToCaller() ?? throw new UnauthenticatedException();
        RequireProjectSlug(projectSlug);
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 64)
        {
            throw HubErrors.Create("validation-failed", "Identifiant de client attendu (64 caractères au plus).");
        }
        return grains.GetGrain<IPlanPresenceGrain>(projectSlug).Leave(caller, clientId);
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
        // A closed connection leaves at once; a vanished one disappears when its presence expires.
        if (Context.User?.Identity?.IsAuthenticated == true)
        {
            var caller = Context.User.ToCaller();
            foreach (var (projectSlug, clientId) in PresenceShown())
            {
                try
                {
                    await grains.GetGrain<IPlanPresenceGrain>(projectSlug).Leave(caller, clientId);
                }
                catch (DomainException)
                {
                    // Access lost meanwhile: the entry expires on its own.
                }
            }
        }
        await base.OnDisconnectedAsync(exception);
    }

    private static void RequireProjectSlug(string projectSlug)
    {
        if (!Slug.IsValid(projectSlug))
        {
            throw HubErrors.Create("invalid-topic", "Identifiant de projet invalide.");
        }
    }

    /// <summary>The (project, client) pairs this connection has shown presence for.</summary>
    private HashSet<(string ProjectSlug, string ClientId)> PresenceShown()
    {
        if (Context.Items.TryGetValue(nameof(PresenceShown), out var value) && value is HashSet<(string, string)> shown)
        {
            return shown;
        }
        var created = new HashSet<(string ProjectSlug, string ClientId)>();
        Context.Items[nameof(PresenceShown)] = created;
        return created;
    }

    private static Topic Parse(string topic) => Topic.TryParse(topic, out var parsed)
        ? parsed
        : throw HubErrors.Create("invalid-topic", "Sujet attendu : cooperative:{slug}, diaspora-group:{slug}, project:{slug}, plan:{slug}, presence:{slug}, dashboard:programme, dashboard:project:{slug} ou directory:{cooperatives|diaspora-groups|projects}.");
}
