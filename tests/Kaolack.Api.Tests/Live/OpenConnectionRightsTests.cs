using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.WebSockets;
using Kaolack.Api.Tests.Projects;
using Kaolack.Api.Tests.Workshops;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Tests.Live;

/// <summary>
/// An open hub connection acts as its caller is now, not as they were when it opened (issue 20, items 1 and 2): a
/// demotion, an ended session or a removal from a project reaches sockets that stay open, within seconds or at once.
/// </summary>
public sealed class OpenConnectionRightsTests(ApiFixture app) : ApiTests(app)
{
    /// <summary>What "within seconds" means here: the session recheck interval (2 s) with room for a loaded machine.</summary>
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_admin_demoted_while_connected_can_no_longer_subscribe_write_or_run_a_coach_command_and_loses_the_plan_it_followed()
    {
        using var owner = await App.SignInNewUserAsync("retrograde-p");
        using var coach = await App.SignInNewUserAsync("retrograde-c", Role.Coach);
        using var subject = await App.SignInNewUserAsync("retrograde-a", Role.Admin);
        var slug = await ProjectTeam.CreateProject(owner.Http, "retrograde");
        var workshop = (await WorkshopTeam.Create(coach.Http, "Atelier rétrogradation")).Meta.Slug;
        await using var coachHub = await Started(coach.Hub());
        await WorkshopTeam.Send(coachHub, workshop, new StartSession());
        await using var ownerHub = await Started(owner.Hub());
        await using var hub = await Started(subject.Hub());
        var log = new LiveEventLog(hub);
        var notices = new LiveNotices(hub);
        var plan = $"plan:{slug}";

        // As an admin, the socket reads the plan, writes into it and runs the workshop.
        await LiveEventLog.Subscribe(hub, plan, null);
        await LiveEventLog.Subscribe(hub, "directory:cooperatives", null);
        Assert.Equal(new PlanAck(1, null), await Submit(hub, slug, "admin", 1, 0, "avant"));
        await WorkshopTeam.Send(hub, workshop, new BringEveryoneTo(0));
        await log.WaitForVersion(plan, 1, "the admin");

        await (await App.AdminClient.Put($"/api/admin/users/{subject.Email}/roles", new { roles = new[] { Role.Member } }, null)).Read<Account>();
        var clock = Stopwatch.StartNew();
        var revoked = await notices.RevokedFrom(plan);
        var noticeAfter = clock.Elapsed;

        // Every call on the same socket is now decided as a member who is not in the project.
        var subscribe = await Assert.ThrowsAsync<HubException>(() => LiveEventLog.Subscribe(hub, plan, null));
        var write = await Assert.ThrowsAsync<HubException>(() => Submit(hub, slug, "admin", 2, 1, "après"));
        var command = await Assert.ThrowsAsync<HubException>(() => WorkshopTeam.Send(hub, workshop, new BringEveryoneTo(0)));
        // The owner's next edit no longer reaches it; a later event it may see does.
        Assert.Equal(new PlanAck(2, null), await Submit(ownerHub, slug, "proprio", 1, 1, "confidentiel"));
        var marker = Samples.Slug("retrograde-temoin");
        await (await owner.Http.Post($"/api/cooperatives?slug={marker}", Samples.Cooperative("Témoin"))).Read<Cooperative>(HttpStatusCode.Created);
        await log.WaitFor("directory:cooperatives", events => events.Any(e => LiveEventLog.SlugOf(e) == marker), "the demoted admin to get a later event");

        Assert.True(noticeAfter < WithinSeconds, $"the open plan was revoked after {noticeAfter}");
        Assert.StartsWith("access-removed: ", revoked, StringComparison.Ordinal);
        Assert.All([subscribe, write, command], refused => Assert.Contains("HubException: forbidden: ", refused.Message, StringComparison.Ordinal));
        Assert.Equal([1L], log.For(plan).Select(e => e.Version));
        Assert.Equal(HubConnectionState.Connected, hub.State);
        Assert.Equal(1, (await ReadPlan(owner.Http, slug)).Document.Sections.Count(s => s.Id.StartsWith("admin-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_open_socket_with_a_typed_notice_while_the_new_session_works()
    {
        var user = await App.NewUserAsync("mdp-socket");
        var otherSession = await App.Host.SignInAsync(user.Email, user.Password);
        await using var hub = await Started(user.Hub(App.Host));
        var notices = new LiveNotices(hub);
        await LiveEventLog.Subscribe(hub, "directory:cooperatives", null);

        using var http = WorkshopTeam.Client(App.Host, otherSession);
        var changed = await http.Post("/api/auth/password", new { currentPassword = user.Password, newPassword = "nouveau-mot-de-passe-2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var clock = Stopwatch.StartNew();
        var notice = await notices.SignedOut;
        var noticeAfter = clock.Elapsed;
        var call = await Record.ExceptionAsync(() => LiveEventLog.Subscribe(hub, "directory:diaspora-groups", null));
        await notices.Closed;

        Assert.True(noticeAfter < WithinSeconds, $"the socket was told after {noticeAfter}");
        Assert.StartsWith("signed-out: ", notice, StringComparison.Ordinal);
        // A call between the notice and the close is refused "signed-out" (or finds the connection closed): it does nothing.
        Assert.True(call is HubException { Message: var m } && m.Contains("HubException: signed-out: ", StringComparison.Ordinal)
            || call is InvalidOperationException or TaskCanceledException or IOException, $"call after the notice: {call}");
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        // The old session cannot connect again; the new password's session can.
        await using var again = user.Hub(App.Host);
        // The client goes straight to the WebSocket upgrade (no negotiation), so the refusal is the upgrade's 401.
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => again.StartAsync());
        Assert.Contains("status code '401'", refused.Message, StringComparison.Ordinal);
        await using var renewed = await Started(App.Host.CreateHubConnection(await App.Host.SignInAsync(user.Email, "nouveau-mot-de-passe-2026")));
        Assert.True((await LiveEventLog.Subscribe(renewed, "directory:cooperatives", null)).Version >= 0);
    }

    [Fact]
    public async Task A_member_removed_from_a_project_is_refused_at_once_and_stops_receiving_its_plan_and_presence()
    {
        using var owner = await App.SignInNewUserAsync("retrait-p");
        using var member = await App.SignInNewUserAsync("retrait-m");
        var slug = await ProjectTeam.CreateProject(owner.Http, "retrait-socket");
        await ProjectTeam.Join(owner.Http, slug, member, ProjectRole.Editor);
        await using var ownerHub = await Started(owner.Hub());
        await using var hub = await Started(member.Hub());
        var log = new LiveEventLog(hub);
        var ownerLog = new LiveEventLog(ownerHub);
        var notices = new LiveNotices(hub);
        var (plan, presence) = ($"plan:{slug}", $"presence:{slug}");
        await LiveEventLog.Subscribe(hub, plan, null);
        await LiveEventLog.Subscribe(hub, presence, null);
        await LiveEventLog.Subscribe(hub, "directory:cooperatives", null);
        await LiveEventLog.Subscribe(ownerHub, plan, null);
        // The member edits (so the plan holds its access answer) and shows where it is.
        Assert.Equal(new PlanAck(1, null), await Submit(hub, slug, "membre", 1, 0, "avant"));
        await hub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("membre", null, null, null, null));
        await log.WaitForVersion(plan, 1, "the member");
        await log.WaitFor(presence, events => events.Any(e => e.Data?.ToString()?.Contains("\"membre\"", StringComparison.Ordinal) == true), "the member's own presence");

        await (await owner.Http.DeleteAsync(ProjectTeam.Member(slug, member.Email))).Read<JointProject>();

        // At once: no waiting for an access answer to expire.
        var write = await Assert.ThrowsAsync<HubException>(() => Submit(hub, slug, "membre", 2, 1, "après"));
        var moved = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("membre", null, null, null, null)));
        // The owner writes a confidential note and moves; a later event the removed member may see marks the end.
        Assert.Equal(new PlanAck(2, null), await Submit(ownerHub, slug, "proprio", 1, 1, "note confidentielle"));
        await ownerHub.InvokeAsync("UpdatePresence", slug, new PresenceUpdate("proprio", PlanEntityKind.Section, "proprio-1", PlanFields.Heading, 3));
        await ownerLog.WaitForVersion(plan, 2, "the owner");
        var marker = Samples.Slug("retrait-temoin");
        await (await owner.Http.Post($"/api/cooperatives?slug={marker}", Samples.Cooperative("Témoin"))).Read<Cooperative>(HttpStatusCode.Created);
        await log.WaitFor("directory:cooperatives", events => events.Any(e => LiveEventLog.SlugOf(e) == marker), "the removed member to get a later event");

        Assert.All([write, moved], refused => Assert.Contains("HubException: forbidden: ", refused.Message, StringComparison.Ordinal));
        Assert.StartsWith("access-removed: ", await notices.RevokedFrom(plan), StringComparison.Ordinal);
        Assert.StartsWith("access-removed: ", await notices.RevokedFrom(presence), StringComparison.Ordinal);
        Assert.Equal([1L], log.For(plan).Select(e => e.Version));
        Assert.DoesNotContain(log.For(presence), e => e.Data?.ToString()?.Contains("proprio-1", StringComparison.Ordinal) == true);
        Assert.Equal(["avant", "note confidentielle"], (await ReadPlan(owner.Http, slug)).Document.Sections.Select(s => s.Fields[PlanFields.Heading]).Order(StringComparer.Ordinal));
    }

    private static async Task<HubConnection> Started(HubConnection connection)
    {
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Adds a section headed <paramref name="heading"/> (id "{client}-{seq}") as client <paramref name="clientId"/>.</summary>
    private static Task<PlanAck> Submit(HubConnection connection, string slug, string clientId, long seq, long baseVersion, string heading) =>
        connection.InvokeAsync<PlanAck>("SubmitPlanOp", slug, new PlanSubmission(clientId, seq, baseVersion, new PlanOp
        {
            Type = PlanOpType.Add,
            Kind = PlanEntityKind.Section,
            Id = $"{clientId}-{seq}",
            Order = $"a{seq}",
            Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Heading, heading),
        }));

    private static async Task<PlanSnapshot> ReadPlan(HttpClient http, string slug) =>
        await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>();
}
