using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Kaolack.Api.Projects;
using Kaolack.Api.Tests.Projects;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Projects;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Live;

/// <summary>Who may open the live hub, follow a project topic, and keep receiving its events.</summary>
[Collection(ApiCollection.Name)]
public sealed class HubAccessTests(ApiFixture app)
{
    [Fact]
    public async Task A_client_without_access_cannot_subscribe_to_a_project_and_receives_none_of_its_events_while_a_member_does()
    {
        var owner = await app.NewUserAsync("hub-proprio");
        var outsider = await app.NewUserAsync("hub-exterieur");
        using var ownerHttp = owner.Client(app.Host);
        var slug = await ProjectTeam.CreateProject(ownerHttp, "hub-acces");
        var topic = $"project:{slug}";
        await using var member = owner.Hub(app.Host);
        await using var stranger = outsider.Hub(app.Host);
        var memberLog = new LiveEventLog(member);
        var strangerLog = new LiveEventLog(stranger);
        await member.StartAsync();
        await stranger.StartAsync();
        await LiveEventLog.Subscribe(member, topic, 1);

        var refused = await Assert.ThrowsAsync<HubException>(() => LiveEventLog.Subscribe(stranger, topic, null));
        await LiveEventLog.Subscribe(stranger, "directory:cooperatives", null);
        await (await ownerHttp.Put($"/api/projects/{slug}", Samples.Project("Changement confidentiel"), ifMatch: 1)).Read<JointProject>();
        await memberLog.WaitForVersion(topic, 2, "the member");
        // A later change the outsider may see: once it has arrived, the project's event would have too.
        var marker = Samples.Slug("hub-temoin");
        await (await ownerHttp.Post($"/api/cooperatives?slug={marker}", Samples.Cooperative("Témoin"))).Read<Cooperative>(HttpStatusCode.Created);
        await strangerLog.WaitFor("directory:cooperatives", events => events.Any(e => LiveEventLog.SlugOf(e) == marker), "the outsider to get a later event");

        Assert.Contains("HubException: forbidden: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, stranger.State);
        Assert.Empty(strangerLog.For(topic));
        Assert.Equal("Changement confidentiel", Assert.IsType<JsonElement>(Assert.Single(memberLog.For(topic)).Data)
            .GetProperty("charter").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_member_removed_from_a_project_stops_receiving_its_events_on_a_connection_still_open()
    {
        var owner = await app.NewUserAsync("hub-proprio");
        var leaving = await app.NewUserAsync("hub-retire");
        using var ownerHttp = owner.Client(app.Host);
        using var leavingHttp = leaving.Client(app.Host);
        var slug = await ProjectTeam.CreateProject(ownerHttp, "hub-retrait");
        var topic = $"project:{slug}";
        var invitation = await ProjectTeam.InviteOk(ownerHttp, slug, leaving.Email, ProjectRole.Editor);
        await (await ProjectTeam.Accept(leavingHttp, invitation.Token)).Read<AcceptedInvitation>();
        await using var ownerHub = owner.Hub(app.Host);
        await using var leavingHub = leaving.Hub(app.Host);
        var ownerLog = new LiveEventLog(ownerHub);
        var leavingLog = new LiveEventLog(leavingHub);
        await ownerHub.StartAsync();
        await leavingHub.StartAsync();
        var joined = await LiveEventLog.Subscribe(leavingHub, topic, null);
        await LiveEventLog.Subscribe(ownerHub, topic, joined.Version);
        await LiveEventLog.Subscribe(leavingHub, "directory:cooperatives", null);

        var whileMember = await (await ownerHttp.Put($"/api/projects/{slug}", Samples.Project("Encore membre"), ifMatch: joined.Version)).Read<JointProject>();
        await leavingLog.WaitForVersion(topic, whileMember.Meta.Version, "the member before removal");
        var removed = await (await ownerHttp.DeleteAsync(ProjectTeam.Member(slug, leaving.Email))).Read<JointProject>();
        var afterwards = await (await ownerHttp.Put($"/api/projects/{slug}", Samples.Project("Plus membre"), ifMatch: removed.Meta.Version)).Read<JointProject>();
        await ownerLog.WaitForVersion(topic, afterwards.Meta.Version, "the owner");
        var marker = Samples.Slug("hub-temoin");
        await (await ownerHttp.Post($"/api/cooperatives?slug={marker}", Samples.Cooperative("Témoin"))).Read<Cooperative>(HttpStatusCode.Created);
        await leavingLog.WaitFor("directory:cooperatives", events => events.Any(e => LiveEventLog.SlugOf(e) == marker), "the removed member to get a later event");

        Assert.Equal([whileMember.Meta.Version], leavingLog.For(topic).Select(e => e.Version));
        Assert.Equal([whileMember.Meta.Version, removed.Meta.Version, afterwards.Meta.Version], ownerLog.For(topic).Select(e => e.Version));
    }

    [Fact]
    public async Task An_anonymous_hub_connection_is_refused_with_401()
    {
        await using var connection = app.Host.CreateHubConnection();

        // The upgrade is refused (clients connect with WebSockets only, without negotiating).
        var error = await Assert.ThrowsAsync<WebSocketException>(() => connection.StartAsync());

        Assert.Contains("status code '401'", error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }
}
