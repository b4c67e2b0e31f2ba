using System.Collections.Immutable;
using Kaolack.Api.Tests.Live;
using Kaolack.Api.Tests.Projects;
using Kaolack.Api.Workshops;
using Kaolack.Client;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Contracts.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Tests.Workshops;

/// <summary>Workshops over REST and the hub: guests by code, refusals, the summary and its place in the project.</summary>
public sealed class WorkshopApiTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task A_guest_joins_by_code_takes_part_in_that_workshop_and_is_refused_everything_else()
    {
        using var coach = await App.SignInNewUserAsync("atelier-coach", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Gestion coopérative");
        var other = await WorkshopTeam.Create(coach.Http, "Autre atelier");
        Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", workshop.JoinCode);

        var guest = await WorkshopTeam.JoinAsGuest(App.Host, $" {workshop.JoinCode!.ToLowerInvariant()[..4]}-{workshop.JoinCode[4..]} ", "  Fatou   Sarr ");
        Assert.Equal((workshop.Meta.Slug, "Fatou Sarr"), (guest.WorkshopId, guest.DisplayName));
        using var guestHttp = WorkshopTeam.Client(App.Host, guest.AccessToken!);

        var seen = await (await guestHttp.GetAsync($"/api/workshops/{workshop.Meta.Slug}")).Read<WorkshopView>();
        Assert.Equal((guest.GuestId, false, null), (seen.You.ParticipantId, seen.You.IsCoach, seen.JoinCode));

        foreach (var path in new[]
        {
            $"/api/workshops/{other.Meta.Slug}", "/api/workshops", $"/api/workshops/{workshop.Meta.Slug}/summary.md",
            "/api/projects", "/api/cooperatives", "/api/diaspora-groups", "/api/auth/me",
        })
        {
            await (await guestHttp.GetAsync(path)).Problem(HttpStatusCode.Forbidden, "forbidden");
        }
        await (await guestHttp.Post("/api/projects", Samples.Project("Projet d'invité"))).Problem(HttpStatusCode.Forbidden, "forbidden");

        await using var coachHub = coach.Hub();
        await coachHub.StartAsync();
        await WorkshopTeam.Send(coachHub, workshop.Meta.Slug, new StartSession());
        await using var hub = App.Host.CreateHubConnection(guest.AccessToken);
        await hub.StartAsync();
        var catchUp = await LiveEventLog.Subscribe(hub, $"workshop:{workshop.Meta.Slug}", null);
        Assert.Equal(WorkshopPhase.Live, View(catchUp.Events.Single()).Phase);
        await WorkshopTeam.Send(hub, workshop.Meta.Slug, new JoinSession());
        await WorkshopTeam.Send(hub, workshop.Meta.Slug, new RaiseHand());

        var refusals = new[]
        {
            Record.ExceptionAsync(() => LiveEventLog.Subscribe(hub, "directory:projects", null)),
            Record.ExceptionAsync(() => LiveEventLog.Subscribe(hub, $"workshop:{other.Meta.Slug}", null)),
            Record.ExceptionAsync(() => WorkshopTeam.Send(hub, workshop.Meta.Slug, new StartTimer(30))),
            Record.ExceptionAsync(() => WorkshopTeam.Send(hub, other.Meta.Slug, new JoinSession())),
            Record.ExceptionAsync(() => hub.InvokeAsync("LeavePresence", "un-projet", "client")),
        };
        Assert.All(await Task.WhenAll(refusals), error => Assert.Contains("HubException: forbidden: ", Assert.IsType<HubException>(error).Message, StringComparison.Ordinal));

        var state = await (await coach.Http.GetAsync($"/api/workshops/{workshop.Meta.Slug}")).Read<WorkshopView>();
        Assert.Equal([("Fatou Sarr", true)], state.Attendance.Select(a => (a.DisplayName, a.Guest)));
        Assert.Equal(["Fatou Sarr"], state.Hands.Select(h => h.DisplayName));
        Assert.False(state.Timer.Running);

        // Deleting the workshop ends the guest's session.
        await (await coach.Http.Delete($"/api/workshops/{workshop.Meta.Slug}", state.Meta.Version)).Content.ReadAsStringAsync();
        await (await guestHttp.GetAsync($"/api/workshops/{workshop.Meta.Slug}")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        using var anonymous = App.Host.CreateClient();
        await (await anonymous.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode, "Trop tard"))).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_guest_may_join_with_a_session_cookie_and_an_account_learns_only_where_the_code_leads()
    {
        using var coach = await App.SignInNewUserAsync("atelier-cookie", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Préparer la foire");
        using var browser = App.Host.CreateClient();

        var answer = await (await browser.Post("/api/workshops/join?useCookies=true", new JoinRequest(workshop.JoinCode!, "Youssef"))).Read<JoinAnswer>();
        var seen = await (await browser.GetAsync($"/api/workshops/{workshop.Meta.Slug}")).Read<WorkshopView>();
        var member = await (await MemberHttp.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode!))).Read<JoinAnswer>();

        Assert.Null(answer.AccessToken);
        Assert.Equal(answer.GuestId, seen.You.ParticipantId);
        Assert.Equal(new JoinAnswer(workshop.Meta.Slug, null, null, null, null), member);
        await (await browser.Post("/api/workshops/join", new JoinRequest("ZZZZZZZZ", "Quelqu'un"))).Problem(HttpStatusCode.NotFound, "not-found");
        using var stranger = App.Host.CreateClient();
        await (await stranger.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode!, ""))).Problem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Ending_the_session_exports_the_summary_and_attaches_it_to_the_linked_project()
    {
        using var coach = await App.SignInNewUserAsync("atelier-resume", Role.Coach);
        var project = await ProjectTeam.CreateProject(MemberHttp, "atelier-projet");
        var workshop = await WorkshopTeam.Create(coach.Http, "Mobilisation de la diaspora", project);
        var id = workshop.Meta.Slug;
        var guest = await WorkshopTeam.JoinAsGuest(App.Host, workshop.JoinCode!, "Aïcha, Berkane");
        await using var coachHub = coach.Hub();
        await using var memberHub = App.Member.Hub(App.Host);
        await using var guestHub = App.Host.CreateHubConnection(guest.AccessToken);
        await Task.WhenAll(coachHub.StartAsync(), memberHub.StartAsync(), guestHub.StartAsync());

        await WorkshopTeam.Send(coachHub, id, new StartSession());
        foreach (var hub in new[] { memberHub, guestHub })
        {
            await WorkshopTeam.Send(hub, id, new JoinSession());
        }
        await WorkshopTeam.Send(coachHub, id, new CreatePoll("p1", "Quel salon préparer ?", PollKind.OneChoice, ["Foire de Kaolack", "Salon de l'ESS"]));
        await WorkshopTeam.Send(coachHub, id, new CreatePoll("p2", "Un mot pour la séance", PollKind.OpenWords, []));
        await WorkshopTeam.Send(coachHub, id, new OpenPoll("p1"));
        await WorkshopTeam.Send(coachHub, id, new OpenPoll("p2"));
        await WorkshopTeam.Send(memberHub, id, new Vote("p1", [1]));
        await WorkshopTeam.Send(guestHub, id, new Vote("p1", [1]));
        await WorkshopTeam.Send(guestHub, id, new Vote("p2", Words: ["Réseau", "confiance"]));
        await WorkshopTeam.Send(memberHub, id, new Vote("p2", Words: ["réseau"]));
        await WorkshopTeam.Send(coachHub, id, new AddColumn("idees", "Idées"));
        await WorkshopTeam.Send(guestHub, id, new AddNote("n1", "idees", "=Stand commun"));
        await WorkshopTeam.Send(memberHub, id, new AddNote("n2", "idees", "Fonds de la diaspora"));
        await WorkshopTeam.Send(coachHub, id, new SetDotBudget(2));
        await WorkshopTeam.Send(guestHub, id, new AddDot("n2"));
        await WorkshopTeam.Send(guestHub, id, new AddDot("n2"));
        await WorkshopTeam.Send(memberHub, id, new AddDot("n1"));
        await WorkshopTeam.Send(coachHub, id, new EndSession());

        var markdown = await coach.Http.GetStringAsync($"/api/workshops/{id}/summary.md");
        var csv = await (await MemberHttp.GetAsync($"/api/workshops/{id}/summary.csv")).Content.ReadAsStringAsync();
        var activity = (await (await MemberHttp.GetAsync($"/api/projects/{project}")).Read<JointProject>()).Activity[^1];

        Assert.Contains("# Mobilisation de la diaspora", markdown, StringComparison.Ordinal);
        Assert.Contains("1. Tour de table (10 min)", markdown, StringComparison.Ordinal);
        Assert.Contains("## Participation (2 personnes)", markdown, StringComparison.Ordinal);
        Assert.Contains("| Aïcha, Berkane | oui |", markdown, StringComparison.Ordinal);
        Assert.Contains("- Foire de Kaolack : 0\n- Salon de l'ESS : 2", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("- réseau : 2\n- confiance : 1", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("- Fonds de la diaspora — 2 gommette(s)", markdown, StringComparison.Ordinal);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,subject,detail,value", rows[0]);
        Assert.Contains("poll,Quel salon préparer ?,Salon de l'ESS,2", rows);
        Assert.Contains("attendance,\"Aïcha, Berkane\",guest,", string.Join('\n', rows), StringComparison.Ordinal);
        Assert.Contains("board,Idées,Fonds de la diaspora,2", rows);
        Assert.Contains("board,Idées,'=Stand commun,1", rows);
        Assert.Equal("workshop-summary", activity.Kind);
        Assert.Contains($"Compte rendu : /#/ateliers/{id}/compte-rendu", activity.Text, StringComparison.Ordinal);
        Assert.Contains("2 participant(s)", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_poll_results_reach_the_coach_live_but_not_the_participants_until_revealed()
    {
        using var coach = await App.SignInNewUserAsync("atelier-cache", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Résultats cachés");
        var id = workshop.Meta.Slug;
        var topic = $"workshop:{id}";
        await using var coachHub = coach.Hub();
        await using var memberHub = App.Member.Hub(App.Host);
        await Task.WhenAll(coachHub.StartAsync(), memberHub.StartAsync());
        var memberLog = new LiveEventLog(memberHub);
        using var coachSees = new WorkshopFollower(coachHub, id);
        using var memberSees = new WorkshopFollower(memberHub, id);
        await coachSees.Subscribe();
        await memberSees.Subscribe();

        await WorkshopTeam.Send(coachHub, id, new StartSession());
        await WorkshopTeam.Send(coachHub, id, new CreatePoll("p", "D'accord ?", PollKind.OneChoice, ["oui", "non"]));
        await WorkshopTeam.Send(coachHub, id, new OpenPoll("p"));
        var voted = await WorkshopTeam.Send(memberHub, id, new Vote("p", [0]));

        var coachView = await coachSees.WaitFor(v => v.Meta.Version >= voted.Version, WorkshopTeam.Patience);
        var memberView = await memberSees.WaitFor(v => v.Meta.Version >= voted.Version, WorkshopTeam.Patience);
        var revealed = await WorkshopTeam.Send(coachHub, id, new ShowPollResults("p", true));
        var afterReveal = (await memberSees.WaitFor(v => v.Meta.Version >= revealed.Version, WorkshopTeam.Patience)).Polls[0];
        var reconnected = await LiveEventLog.Subscribe(memberHub, topic, voted.Version);

        Assert.Equal([1, 0], coachView.Polls[0].Results!.Counts);
        Assert.Empty(coachView.Mine.Ballots);
        Assert.Null(memberView.Polls[0].Results);
        Assert.Equal(1, memberView.Polls[0].Voters);
        Assert.Equal([0], Assert.Single(memberView.Mine.Ballots).Choices);
        Assert.Equal([1, 0], afterReveal.Results!.Counts);
        Assert.Equal(revealed.Version, reconnected.Events[^1].Version);
        // What reached the member's connection before the reveal never held the counts.
        Assert.All(memberLog.For(topic).Where(e => e.Version < revealed.Version),
            e => Assert.DoesNotContain("\"counts\"", Assert.IsType<JsonElement>(e.Data).GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Participants_and_guests_co_edit_the_shared_notes_until_the_session_ends_and_the_summary_holds_them()
    {
        using var coach = await App.SignInNewUserAsync("atelier-notes", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Notes partagées");
        var id = workshop.Meta.Slug;
        var notes = workshop.NotesDocument;
        var guest = await WorkshopTeam.JoinAsGuest(App.Host, workshop.JoinCode!, "Khadija");
        using var partner = await App.SignInNewUserAsync("atelier-notes-partenaire", Role.Partner);
        await using var coachHub = coach.Hub();
        await using var memberHub = App.Member.Hub(App.Host);
        await using var guestHub = App.Host.CreateHubConnection(guest.AccessToken);
        await using var partnerHub = partner.Hub();
        await Task.WhenAll(coachHub.StartAsync(), memberHub.StartAsync(), guestHub.StartAsync(), partnerHub.StartAsync());
        var memberLog = new LiveEventLog(memberHub);
        await LiveEventLog.Subscribe(memberHub, $"plan:{notes}", null);
        await WorkshopTeam.Send(coachHub, id, new StartSession());

        var added = await guestHub.InvokeAsync<PlanAck>("SubmitPlanOp", notes, Section("invite-1", 0, "decisions", "Décisions", "Stand commun à la foire."));
        var seen = await memberLog.WaitForVersion($"plan:{notes}", added.Version!.Value, "member");
        var appended = await memberHub.InvokeAsync<PlanAck>("SubmitPlanOp", notes, new PlanSubmission("membre-1", 1, added.Version.Value, new PlanOp
        {
            Type = PlanOpType.Text,
            Kind = PlanEntityKind.Section,
            Id = "decisions",
            Field = PlanFields.Body,
            Text = TextOp.InsertAt(CodePoints.Count("Stand commun à la foire."), " Budget : 500 000 F CFA."),
        }));
        var partnerRefused = await Record.ExceptionAsync(() => partnerHub.InvokeAsync<PlanAck>("SubmitPlanOp", notes, Section("partenaire-1", appended.Version!.Value, "p", "P", "x")));
        var projectRefused = await Record.ExceptionAsync(() => guestHub.InvokeAsync<PlanAck>("SubmitPlanOp", "un-projet", Section("invite-2", 0, "x", "X", "x")));
        await WorkshopTeam.Send(coachHub, id, new EndSession());
        var afterEnd = await Record.ExceptionAsync(() => guestHub.InvokeAsync<PlanAck>("SubmitPlanOp", notes, Section("invite-3", appended.Version!.Value, "tard", "Tard", "x")));
        var markdown = await coach.Http.GetStringAsync($"/api/workshops/{id}/summary.md");

        Assert.Equal($"{id}--notes", notes);
        Assert.Equal(1, added.Version);
        Assert.Equal(PlanOpType.Add, Assert.IsType<JsonElement>(seen.Single(e => e.Version == 1).Data).Deserialize<PlanChange>(SiloHost.Json)!.Op.Type);
        Assert.All(new[] { partnerRefused, projectRefused, afterEnd },
            error => Assert.Contains("HubException: forbidden: ", Assert.IsType<HubException>(error).Message, StringComparison.Ordinal));
        Assert.Contains("## Notes\n\n### Décisions\n\nStand commun à la foire. Budget : 500 000 F CFA.", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static PlanSubmission Section(string clientId, long baseVersion, string sectionId, string heading, string body) =>
        new(clientId, 1, baseVersion, new PlanOp
        {
            Type = PlanOpType.Add,
            Kind = PlanEntityKind.Section,
            Id = sectionId,
            Order = "a0",
            Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Heading, heading).Add(PlanFields.Body, body),
        });

    internal static WorkshopView View(LiveEvent liveEvent) =>
        Assert.IsType<JsonElement>(liveEvent.Data).Deserialize<WorkshopView>(SiloHost.Json)!;
}
