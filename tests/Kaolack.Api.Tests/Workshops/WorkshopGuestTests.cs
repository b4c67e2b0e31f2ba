using Kaolack.Api.Tests.Live;
using Kaolack.Api.Workshops;
using Kaolack.Client;
using Kaolack.Contracts.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Tests.Workshops;

/// <summary>
/// Guests (issue 20, item 5): a guest's session does not make more guests (each with an allowance of its own), and a
/// coach removes a guest, whose session ends and whose open connection stops receiving the workshop at once.
/// </summary>
public sealed class WorkshopGuestTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task A_guest_makes_no_more_guests_its_own_code_answers_its_own_session_and_another_workshop_is_refused()
    {
        using var coach = await App.SignInNewUserAsync("atelier-invite-chaine", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Pas de chaîne d'invités");
        var other = await WorkshopTeam.Create(coach.Http, "Un autre atelier");
        var guest = await WorkshopTeam.JoinAsGuest(App.Host, workshop.JoinCode!, "Première");
        using var guestHttp = WorkshopTeam.Client(App.Host, guest.AccessToken!);

        var again = await (await guestHttp.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode!, "Seconde"))).Read<JoinAnswer>();
        var elsewhere = await (await guestHttp.Post("/api/workshops/join", new JoinRequest(other.JoinCode!, "Ailleurs"))).Problem(HttpStatusCode.Forbidden, "forbidden");
        var spawned = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => guestHttp.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode!, $"Clone {i}"))));

        Assert.Equal(new JoinAnswer(workshop.Meta.Slug, guest.GuestId, "Première", null, null), again);
        Assert.Contains("autre atelier", elsewhere.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.All(spawned, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var guests = (await (await coach.Http.GetAsync($"/api/workshops/{workshop.Meta.Slug}")).Read<WorkshopView>()).Guests;
        Assert.Equal([guest.GuestId], guests.Select(g => g.ParticipantId));
        Assert.Empty((await (await coach.Http.GetAsync($"/api/workshops/{other.Meta.Slug}")).Read<WorkshopView>()).Guests);
    }

    [Fact]
    public async Task A_removed_guest_loses_the_session_the_commands_the_live_events_and_the_votes_at_once()
    {
        using var coach = await App.SignInNewUserAsync("atelier-retrait", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Retirer un invité");
        var id = workshop.Meta.Slug;
        var topic = $"workshop:{id}";
        var guest = await WorkshopTeam.JoinAsGuest(App.Host, workshop.JoinCode!, "Perturbateur");
        using var guestHttp = WorkshopTeam.Client(App.Host, guest.AccessToken!);
        await using var coachHub = coach.Hub();
        await using var guestHub = App.Host.CreateHubConnection(guest.AccessToken);
        await Task.WhenAll(coachHub.StartAsync(), guestHub.StartAsync());
        var guestLog = new LiveEventLog(guestHub);
        using var coachSees = new WorkshopFollower(coachHub, id);
        await coachSees.Subscribe();
        await LiveEventLog.Subscribe(guestHub, topic, null);
        await WorkshopTeam.Send(coachHub, id, new StartSession());
        await WorkshopTeam.Send(coachHub, id, new CreatePoll("p", "D'accord ?", PollKind.OneChoice, ["oui", "non"]));
        await WorkshopTeam.Send(coachHub, id, new OpenPoll("p"));
        await WorkshopTeam.Send(guestHub, id, new JoinSession());
        await WorkshopTeam.Send(guestHub, id, new Vote("p", [1]));
        var raised = await WorkshopTeam.Send(guestHub, id, new RaiseHand());
        await guestLog.WaitForVersion(topic, raised.Version, "the guest");

        var removed = await WorkshopTeam.Send(coachHub, id, new RemoveGuest(guest.GuestId!));
        var later = await WorkshopTeam.Send(coachHub, id, new StartTimer(60));
        var coachView = await coachSees.WaitFor(v => v.Meta.Version >= later.Version, WorkshopTeam.Patience);

        await (await guestHttp.GetAsync($"/api/workshops/{id}")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        var command = await Record.ExceptionAsync(() => WorkshopTeam.Send(guestHub, id, new RaiseHand()));
        Assert.Contains("HubException: forbidden: ", Assert.IsType<HubException>(command).Message, StringComparison.Ordinal);
        Assert.All(guestLog.For(topic), e => Assert.True(e.Version < removed.Version, $"the removed guest received v{e.Version}"));
        Assert.Empty(coachView.Guests);
        Assert.Empty(coachView.Hands);
        Assert.Equal(0, coachView.Polls[0].Voters);
        Assert.Equal([0, 0], coachView.Polls[0].Results!.Counts);
        Assert.Equal(0, coachView.Present);
        var rejoin = await Record.ExceptionAsync(() => LiveEventLog.Subscribe(guestHub, topic, null));
        Assert.Contains("HubException: forbidden: ", Assert.IsType<HubException>(rejoin).Message, StringComparison.Ordinal);
    }
}
