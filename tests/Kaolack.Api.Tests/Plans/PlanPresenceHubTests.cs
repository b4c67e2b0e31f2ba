using System.Diagnostics;
using System.Text.Json;
using Kaolack.Api.Projects;
using Kaolack.Api.Tests.Live;
using Kaolack.Api.Tests.Projects;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Plans;

/// <summary>
/// Presence in a plan over real SignalR connections, on a host whose presence TTL is
/// <see cref="ShortTimesFixture.PresenceTtl"/>: who is where, under their display name, and gone soon after dropping.
/// </summary>
[Collection(ShortTimesCollection.Name)]
public sealed class PlanPresenceHubTests(ShortTimesFixture app)
{
    [Fact]
    public async Task An_editor_sees_the_owner_where_they_edit_and_sees_them_go_within_the_ttl_once_their_connection_stops()
    {
        var (slug, owner, editor) = await Team("presence-hub");
        var ownerHub = owner.Hub(app.Host);
        await ownerHub.StartAsync();
        await using var editorHub = editor.Hub(app.Host);
        await editorHub.StartAsync();
        var editorLog = new LiveEventLog(editorHub);
        var topic = $"presence:{slug}";
        var catchUp = await LiveEventLog.Subscribe(editorHub, topic, null);

        await ownerHub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("onglet-a", PlanEntityKind.Section, "s1", PlanFields.Body, 5));
        await editorHub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("onglet-b", null, null, null, null));
        var seen = await editorLog.WaitFor(topic, events => events.Length > 0 && Entries(events[^1]).Length == 2, "both present");

        Assert.Empty(Entries(catchUp.Events[^1]));
        var a = Entries(seen[^1]).Single(e => e.ClientId == "onglet-a");
        Assert.Equal((owner.Email, owner.Email.Split('@')[0], PlanEntityKind.Section, "s1", PlanFields.Body, 5),
            (a.UserId, a.DisplayName, a.Kind!.Value, a.EntityId!, a.Field!, a.Cursor!.Value));

        // The owner's connection goes (the hub leaves for it; were it cut off, the TTL would), while the editor keeps beating.
        var stopped = Stopwatch.StartNew();
        await ownerHub.DisposeAsync();
        // The editor's heartbeat also brings a fresh snapshot each time: the owner must be gone from one soon.
        await Eventually.True(async () =>
        {
            await editorHub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("onglet-b", null, null, null, null));
            return Entries(editorLog.For(topic)[^1]).All(e => e.ClientId != "onglet-a");
        }, "the owner gone from the editor's presence", ShortTimesFixture.PresenceTtl * 5);
        var gone = stopped.ElapsedMilliseconds;

        // TTL, plus the one-second sweep, plus delivery on a loaded machine.
        Assert.InRange(gone, 0, (long)(ShortTimesFixture.PresenceTtl + TimeSpan.FromSeconds(3)).TotalMilliseconds);
        Assert.Equal(["onglet-b"], Entries(editorLog.For(topic)[^1]).Select(e => e.ClientId));
    }

    [Fact]
    public async Task Invalid_updates_are_refused_as_validation_failed_and_a_stranger_as_forbidden()
    {
        var (slug, owner, _) = await Team("presence-refus");
        var stranger = await app.NewUserAsync("presence-inconnu");
        await using var ownerHub = owner.Hub(app.Host);
        await ownerHub.StartAsync();
        await using var strangerHub = stranger.Hub(app.Host);
        await strangerHub.StartAsync();

        var tooLong = await Record.ExceptionAsync(() => ownerHub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate(new string('c', 65), null, null, null, null)));
        var badField = await Record.ExceptionAsync(() => ownerHub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("c", PlanEntityKind.Task, "t1", "heading", 0)));
        var negative = await Record.ExceptionAsync(() => ownerHub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("c", PlanEntityKind.Task, "t1", PlanFields.Notes, -1)));
        var badSlug = await Record.ExceptionAsync(() => ownerHub.InvokeAsync("UpdatePresence", "Pas un slug", new PresenceUpdate("c", null, null, null, null)));
        var unknownKind = await Record.ExceptionAsync(() => ownerHub.InvokeAsync("UpdatePresence", slug,
            JsonDocument.Parse("""{"clientId":"c","kind":"chapitre","entityId":"x"}""").RootElement));
        var forbidden = await Record.ExceptionAsync(() => strangerHub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("c", null, null, null, null)));

        Assert.Equal(["validation-failed", "validation-failed", "validation-failed", "invalid-topic", "validation-failed", "forbidden"],
            new[] { tooLong, badField, negative, badSlug, unknownKind, forbidden }.Select(Code));
    }

    private static PresenceEntry[] Entries(LiveEvent liveEvent)
    {
        Assert.Equal(ChangeKind.Snapshot, liveEvent.Change);
        return Assert.IsType<JsonElement>(liveEvent.Data).Deserialize<PresenceList>(SiloHost.Json)!.Entries;
    }

    private static string Code(Exception? error)
    {
        var hubError = Assert.IsType<HubException>(error);
        var message = hubError.Message;
        var start = message.IndexOf("HubException: ", StringComparison.Ordinal);
        var rest = start < 0 ? message : message[(start + "HubException: ".Length)..];
        return rest[..rest.IndexOf(':', StringComparison.Ordinal)];
    }

    private async Task<(string Slug, TestUser Owner, TestUser Editor)> Team(string prefix)
    {
        var owner = await app.NewUserAsync($"{prefix}-p");
        var editor = await app.NewUserAsync($"{prefix}-e");
        using var ownerHttp = owner.Client(app.Host);
        var slug = await ProjectTeam.CreateProject(ownerHttp, prefix);
        var invitation = await ProjectTeam.InviteOk(ownerHttp, slug, editor.Email, ProjectRole.Editor);
        using var http = editor.Client(app.Host);
        await (await ProjectTeam.Accept(http, invitation.Token)).Read<AcceptedInvitation>();
        return (slug, owner, editor);
    }
}
