using Kaolack.Api.Tests.Projects;
using Kaolack.Api.Workshops;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Api.Tests.Workshops;

/// <summary>A coach prepares workshops: copies, templates shared between coaches, and the summary as data for its printable page.</summary>
public sealed class WorkshopPreparationTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task A_workshop_is_copied_and_saved_as_a_template_that_another_coach_starts_a_workshop_from()
    {
        using var coach = await App.SignInNewUserAsync("atelier-modele", Role.Coach);
        using var otherCoach = await App.SignInNewUserAsync("atelier-modele-2", Role.Coach);
        var source = await WorkshopTeam.Create(coach.Http, "Atelier source");
        await using var hub = coach.Hub();
        await hub.StartAsync();
        await WorkshopTeam.Send(hub, source.Meta.Slug, new CreatePoll("p", "Quel salon ?", PollKind.OneChoice, ["Kaolack", "Oriental"]));
        await WorkshopTeam.Send(hub, source.Meta.Slug, new AddColumn("c", "Atouts"));
        var name = $"Préparer une foire {Samples.Token()}";

        var copy = await (await coach.Http.Post($"/api/workshops/{source.Meta.Slug}/copies", Samples.Workshop("Copie de l'atelier"))).Read<WorkshopView>(HttpStatusCode.Created);
        var saved = await (await coach.Http.Post("/api/workshop-templates", new TemplateRequest(source.Meta.Slug, name))).Read<WorkshopTemplate>(HttpStatusCode.Created);
        var listed = await (await otherCoach.Http.GetAsync("/api/workshop-templates")).Read<WorkshopTemplate[]>();
        var started = await (await otherCoach.Http.Post($"/api/workshop-templates/{saved.Id}/workshops", Samples.Workshop("Depuis le modèle"))).Read<WorkshopView>(HttpStatusCode.Created);
        var duplicate = await coach.Http.Post("/api/workshop-templates", new TemplateRequest(source.Meta.Slug, name.ToUpperInvariant()));
        var memberRefused = await MemberHttp.GetAsync("/api/workshop-templates");
        var otherRefused = await otherCoach.Http.DeleteAsync($"/api/workshop-templates/{saved.Id}");
        var deleted = await coach.Http.DeleteAsync($"/api/workshop-templates/{saved.Id}");

        Assert.Equal(("Copie de l'atelier", "Quel salon ?", PollStatus.Draft, "Atouts"), (copy.Details.Title, copy.Polls[0].Question, copy.Polls[0].Status, copy.Columns[0].Title));
        Assert.NotEqual(source.JoinCode, copy.JoinCode);
        Assert.Equal((name, coach.Email.Split('@')[0]), (saved.Name, saved.CreatorName));
        Assert.Contains(listed, t => t.Id == saved.Id && t.Outline.Polls.Length == 1 && t.Outline.Columns.SequenceEqual(["Atouts"]));
        Assert.Equal(("Depuis le modèle", otherCoach.Email, "Quel salon ?"), (started.Details.Title, started.Details.Coaches[0], started.Polls[0].Question));
        await duplicate.Problem(HttpStatusCode.Conflict, "already-exists");
        await memberRefused.Problem(HttpStatusCode.Forbidden, "forbidden");
        await otherRefused.Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain((await (await coach.Http.GetAsync("/api/workshop-templates")).Read<WorkshopTemplate[]>()), t => t.Id == saved.Id);
    }

    [Fact]
    public async Task The_summary_names_people_and_the_project_by_title_and_never_an_e_mail()
    {
        using var coach = await App.SignInNewUserAsync("atelier-resume-donnees", Role.Coach);
        var project = await ProjectTeam.CreateProject(MemberHttp, "resume-projet");
        var workshop = await WorkshopTeam.Create(coach.Http, "Résumé à partager", project);
        var id = workshop.Meta.Slug;
        var guest = await WorkshopTeam.JoinAsGuest(App.Host, workshop.JoinCode!, "سعاد بنعلي");
        await using var coachHub = coach.Hub();
        await using var guestHub = App.Host.CreateHubConnection(guest.AccessToken);
        await Task.WhenAll(coachHub.StartAsync(), guestHub.StartAsync());
        await WorkshopTeam.Send(coachHub, id, new StartSession());
        await WorkshopTeam.Send(guestHub, id, new JoinSession());
        await WorkshopTeam.Send(guestHub, id, new AskQuestion("q", "متى نبدأ؟ Quand commence-t-on ?"));
        await WorkshopTeam.Send(coachHub, id, new EndSession());

        var summary = await (await MemberHttp.GetAsync($"/api/workshops/{id}/summary")).Read<WorkshopSummary>();
        var json = await MemberHttp.GetStringAsync($"/api/workshops/{id}/summary");

        Assert.Equal(("Résumé à partager", project), (summary.Title, summary.Project!.Slug));
        Assert.Equal([coach.Email.Split('@')[0]], summary.Coaches);
        Assert.Equal([("سعاد بنعلي", true)], summary.People.Select(p => (p.Name, p.Guest)));
        Assert.Equal(("متى نبدأ؟ Quand commence-t-on ?", "سعاد بنعلي"), (summary.Questions[0].Text, summary.Questions[0].Author));
        Assert.NotNull(summary.EndedAt);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
        using var guestHttp = WorkshopTeam.Client(App.Host, guest.AccessToken!);
        await (await guestHttp.GetAsync($"/api/workshops/{id}/summary")).Problem(HttpStatusCode.Forbidden, "forbidden");
    }
}
