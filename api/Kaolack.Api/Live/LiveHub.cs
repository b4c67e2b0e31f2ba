using System.Security.Claims;
using System.Text.Json;
using Kaolack.Api.Auth;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Live;

/// <summary>
/// Live updates, plan co-editing and workshop sessions. A client subscribes to topics ("project:{slug}", "plan:{slug}",
/// "presence:{slug}", "workshop:{id}", "dashboard:programme", "dashboard:project:{slug}", "directory:cooperatives", …) and gets
/// "event" calls. Subscribing with the last version it saw returns what it missed, or a snapshot.
/// Workshop guests connect too, but may only subscribe to their workshop and send its commands.
/// Every method acts as the caller is now, not as they were when the connection opened (<see cref="LiveSessions"/>).
/// </summary>
[Authorize]
public sealed class LiveHub(LiveRelay relay, LiveSessions sessions, IGrainFactory grains, IOptions<JsonHubProtocolOptions> json) : Hub<ILiveClient>
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
        var caller = sessions.CallerOf(Context);
        if (caller.IsGuest && !TopicKinds.Of(parsed.Scope).OpenToGuests(parsed))
        {
            throw GuestRefused();
        }
        if (!relay.CanTrack(Context.ConnectionId, parsed, MaxTopicsPerConnection))
        {
            throw HubErrors.Create("too-many-topics", $"{MaxTopicsPerConnection} sujets au plus par connexion.");
        }
        var missed = await relay.CatchUp(parsed, sinceVersion, caller);
        await Groups.AddToGroupAsync(Context.ConnectionId, parsed.ToString());
        await relay.Track(Context.ConnectionId, parsed, caller);
        try
        {
            var meanwhile = await relay.CatchUp(parsed, missed.Version, caller);
            return missed with { Version = meanwhile.Version, Events = [.. missed.Events, .. meanwhile.Events] };
        }
        catch (DomainException)
        {
            // Access went between the two catch-ups: the connection does not stay in the group.
            await Unsubscribe(topic);
            throw;
        }
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
        var caller = PlanCaller(projectSlug);
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
        var caller = PlanCaller(projectSlug);
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
        var caller = PlanCaller(projectSlug);
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 64)
        {
            throw HubErrors.Create("validation-failed", "Identifiant de client attendu (64 caractères au plus).");
        }
        return grains.GetGrain<IPlanPresenceGrain>(projectSlug).Leave(caller, clientId);
    }

    /// <summary>
    /// Runs one live-session command on workshop <paramref name="workshopId"/> (see <see cref="WorkshopCommand"/>: a
    /// <c>type</c> and its members); answers with the version that holds it, once durable. Everyone subscribed to
    /// "workshop:{id}" (the sender too) receives the new state. "join" marks the sender present until "leave" or until
    /// this connection closes.
    /// </summary>
    /// <remarks>Bound here, like <see cref="SubmitPlanOp"/>, so an unknown type or member is "validation-failed".</remarks>
    public async Task<WorkshopAck> SendWorkshopCommand(string workshopId, JsonElement command)
    {
        var caller = sessions.CallerOf(Context);
        if (!Slug.IsValid(workshopId))
        {
            throw HubErrors.Create("invalid-topic", "Identifiant d'atelier invalide.");
        }
        WorkshopCommand? parsed;
        try
        {
            parsed = command.Deserialize<WorkshopCommand>(json.Value.PayloadSerializerOptions);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            throw HubErrors.Create("validation-failed", $"Commande illisible : {{type, …}} attendu, le type en premier ({exception.Message}).");
        }
        var ack = await grains.GetGrain<IWorkshopGrain>(workshopId).Execute(caller, parsed ?? throw HubErrors.Create("validation-failed", "Commande manquante."));
        if (parsed is JoinSession)
        {
            WorkshopsJoined().Add(workshopId);
        }
        else if (parsed is LeaveSession)
        {
            WorkshopsJoined().Remove(workshopId);
        }
        return ack;
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
            // As who they were last: a signed-out caller still takes back their own presence and attendance.
            var caller = Context.User.ToCaller();
            foreach (var workshopId in WorkshopsJoined())
            {
                try
                {
                    await grains.GetGrain<IWorkshopGrain>(workshopId).Execute(caller, new LeaveSession());
                }
                catch (DomainException)
                {
                    // Workshop deleted or access lost meanwhile: nothing left to record.
                }
            }
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

    /// <summary>
    /// Who edits or shows presence in the plan document <paramref name="key"/>: a project's (accounts only) or a workshop's
    /// notes (<see cref="PlanKey"/>; its guests take part too, and the document asks the workshop).
    /// </summary>
    private Caller PlanCaller(string key)
    {
        var caller = sessions.CallerOf(Context);
        if (!PlanKey.TryParse(key, out var planKey))
        {
            throw HubErrors.Create("invalid-topic", "Identifiant de projet (ou de notes d'atelier) invalide.");
        }
        return caller.IsGuest && !planKey.AdmitsGuests ? throw GuestRefused() : caller;
    }

    private static HubException GuestRefused() => HubErrors.Create("forbidden", "Un invité ne participe qu'à son atelier.");

    /// <summary>The workshops this connection joined (and so leaves when it closes).</summary>
    private HashSet<string> WorkshopsJoined()
    {
        if (Context.Items.TryGetValue(nameof(WorkshopsJoined), out var value) && value is HashSet<string> joined)
        {
            return joined;
        }
        var created = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[nameof(WorkshopsJoined)] = created;
        return created;
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
        : throw HubErrors.Create("invalid-topic", TopicKinds.Expected);
}
