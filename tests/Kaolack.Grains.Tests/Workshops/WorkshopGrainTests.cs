using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Workshops;

namespace Kaolack.Grains.Tests.Workshops;

/// <summary>The workshop grain on a test cluster over Azurite: durable state, its own access checks, shaped catch-ups.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorkshopGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;
    private readonly Caller coach = Callers.Coach("coach-atelier");

    [Fact]
    public async Task The_session_its_code_and_its_guests_survive_deactivation()
    {
        var (workshop, created) = await Create();
        var member = Callers.Member();
        var guest = await workshop.AdmitGuest("Mariama");
        await workshop.Execute(coach, new StartSession());
        await workshop.Execute(coach, new CreatePoll("p", "Q ?", PollKind.ManyChoices, ["a", "b", "c"]));
        await workshop.Execute(coach, new OpenPoll("p"));
        await workshop.Execute(member, new Vote("p", [0, 2]));
        var last = await workshop.Execute(new Caller(guest.GuestId, []), new Vote("p", [2]));

        await fixture.Cluster.DeactivateAsync(workshop);
        Assert.False(fixture.Cluster.TryGetGrainContext(workshop.GetGrainId(), out _));

        var read = await workshop.Get(coach);
        Assert.NotNull(read);
        Assert.Equal((last.Version, WorkshopPhase.Live, 2), (read.Meta.Version, read.Phase, read.Polls[0].Voters));
        Assert.Equal([1, 0, 2], read.Polls[0].Results!.Counts);
        Assert.True(await workshop.HasGuest(guest.GuestId));
        Assert.Equal(created.Meta.Slug, await client.GetGrain<IWorkshopCodeGrain>(created.JoinCode!).WorkshopId());
        Assert.Contains(created.Meta.Slug, (await client.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key).List(member)).Select(l => l.Id));
    }

    [Fact]
    public async Task The_grain_refuses_coach_commands_to_participants_and_guests_and_everything_to_strangers_changing_nothing()
    {
        var (workshop, _) = await Create();
        await workshop.Execute(coach, new StartSession());
        var guest = new Caller((await workshop.AdmitGuest("Invitée")).GuestId, []);
        var (other, _) = await Create();
        var strangerGuest = new Caller((await other.AdmitGuest("Ailleurs")).GuestId, []);
        var member = Callers.Member();
        var partner = Callers.Partner();
        var current = (await workshop.Get(coach))!;
        var version = current.Meta.Version;

        var refusals = new Func<Task>[]
        {
            () => workshop.Execute(member, new StartTimer(30)),
            () => workshop.Execute(guest, new CreatePoll("p", "Q ?", PollKind.OneChoice, ["a", "b"])),
            () => workshop.Execute(guest, new EndSession()),
            () => workshop.Execute(partner, new RaiseHand()),
            () => workshop.Execute(strangerGuest, new RaiseHand()),
            () => workshop.Get(strangerGuest),
            () => workshop.CatchUp(strangerGuest, null),
            () => workshop.Summary(guest, SummaryFormat.Markdown),
            () => workshop.Update(member, current.Details, version),
            () => workshop.Delete(guest, version),
            () => client.GetGrain<IWorkshopGrain>($"atelier-{Samples.Token()}").Create(member, Details()),
            () => client.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key).List(guest),
        };
        foreach (var refusal in refusals)
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<AccessDeniedException>(refusal)).Code);
        }

        Assert.Equal(version, (await workshop.Get(coach))!.Meta.Version);
        Assert.NotNull(await workshop.Get(partner));
        Assert.Equal(version + 1, (await workshop.Execute(guest, new RaiseHand())).Version);
    }

    [Fact]
    public async Task Catch_ups_are_shaped_for_each_caller_and_the_relay_alone_gets_the_raw_state()
    {
        var (workshop, _) = await Create();
        var member = Callers.Member();
        await workshop.Execute(coach, new StartSession());
        await workshop.Execute(coach, new CreatePoll("p", "Q ?", PollKind.OneChoice, ["a", "b"]));
        await workshop.Execute(coach, new OpenPoll("p"));
        var voted = await workshop.Execute(member, new Vote("p", [1]));

        var asMember = await workshop.CatchUp(member, voted.Version - 1);
        var asCoach = await workshop.CatchUp(coach, null);
        var asRelay = await workshop.CatchUp(Caller.System, voted.Version - 1);

        var memberDelta = Assert.IsType<WorkshopDelta>(Assert.Single(asMember.Events).Data);
        Assert.Equal((voted.Version, ChangeKind.Updated), (asMember.Events[0].Version, asMember.Events[0].Change));
        Assert.Equal((1, (PollResults?)null), (memberDelta.Tallies![0].Voters, memberDelta.Tallies[0].Results));
        Assert.Equal([1], Assert.Single(memberDelta.Mine!.Ballots).Choices);
        Assert.Equal([0, 1], Assert.IsType<WorkshopView>(Assert.Single(asCoach.Events).Data).Polls[0].Results!.Counts);
        Assert.Equal(ChangeKind.Snapshot, asCoach.Events[0].Change);
        Assert.IsType<WorkshopChanges>(Assert.Single(asRelay.Events).Data);
    }

    [Fact]
    public async Task Commands_arriving_together_are_stored_in_a_few_writes_each_acknowledged_once_durable()
    {
        var (workshop, _) = await Create();
        await workshop.Execute(coach, new StartSession());
        await workshop.Execute(coach, new CreatePoll("p", "Q ?", PollKind.OneChoice, ["a", "b"]));
        var opened = await workshop.Execute(coach, new OpenPoll("p"));
        var guests = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => workshop.AdmitGuest($"Invité {i}")));

        var acks = await Task.WhenAll(guests.Select((g, i) => workshop.Execute(new Caller(g.GuestId, []), new Vote("p", [i % 2]))));
        await fixture.Cluster.DeactivateAsync(workshop);
        var read = (await workshop.Get(coach))!;

        Assert.Equal([40, 40], read.Polls[0].Results!.Counts);
        Assert.Equal(acks.Max(a => a.Version), read.Meta.Version);
        Assert.All(acks, ack => Assert.InRange(ack.Version, opened.Version + 1, read.Meta.Version));
        // Eighty votes at once do not cost eighty writes.
        Assert.True(acks.Select(a => a.Version).Distinct().Count() < acks.Length, $"{acks.Select(a => a.Version).Distinct().Count()} writes for {acks.Length} votes");
    }

    [Fact]
    public async Task A_workshop_admits_a_burst_of_guests_then_refuses_arrivals_faster_than_its_pace()
    {
        var (workshop, _) = await Create();
        var burst = ClusterFixture.GuestAdmissionBurst;

        var attempts = await Task.WhenAll(Enumerable.Range(0, burst + 20).Select(i => Record.ExceptionAsync(() => workshop.AdmitGuest($"Invité {i}"))));

        // The cluster's pace refills one place an hour (ClusterFixture): exactly the burst gets in.
        Assert.Equal(20, attempts.Count(a => a is not null));
        Assert.All(attempts.Where(a => a is not null), error => Assert.Equal("too-many-arrivals", Assert.IsType<RuleViolationException>(error).Rule));
        Assert.Equal(burst, (await workshop.Get(coach))!.Guests.Length);
    }

    [Fact]
    public async Task A_removed_guest_is_nobody_in_the_workshop_any_more()
    {
        var (workshop, _) = await Create();
        await workshop.Execute(coach, new StartSession());
        var admitted = await workshop.AdmitGuest("Perturbateur");
        var guest = new Caller(admitted.GuestId, []);
        await workshop.Execute(guest, new RaiseHand());

        await workshop.Execute(coach, new RemoveGuest(admitted.GuestId));

        Assert.False(await workshop.HasGuest(admitted.GuestId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => workshop.Execute(guest, new RaiseHand()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => workshop.CatchUp(guest, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => workshop.Get(guest));
        Assert.Empty((await workshop.Get(coach))!.Hands);
    }

    [Fact]
    public async Task A_copy_and_a_template_start_with_the_polls_and_columns_and_the_templates_are_the_coaches()
    {
        var (workshop, _) = await Create();
        await workshop.Execute(coach, new CreatePoll("p", "Quel salon ?", PollKind.OneChoice, ["Kaolack", "Oriental"]));
        await workshop.Execute(coach, new AddColumn("c", "Atouts"));
        var outline = await workshop.Outline(coach);
        var copy = client.GetGrain<IWorkshopGrain>($"atelier-{Samples.Token()}");
        var copied = await copy.Create(coach, Details() with { Title = "Copie" }, outline);
        var templates = client.GetGrain<IWorkshopTemplatesGrain>(IWorkshopTemplatesGrain.Key);
        var name = $"Modèle {Samples.Token()}";

        var template = await templates.Save(coach, $"  {name} ", "Coach Diop", outline);

        Assert.Equal(("Copie", "Quel salon ?", PollStatus.Draft, "Atouts"), (copied.Details.Title, copied.Polls[0].Question, copied.Polls[0].Status, copied.Columns[0].Title));
        Assert.Equal((name, "Coach Diop"), (template.Name, template.CreatorName));
        Assert.Contains(template.Id, (await templates.List(Callers.Coach("autre-coach"))).Select(t => t.Id));
        await Assert.ThrowsAsync<EntityExistsException>(() => templates.Save(coach, name.ToUpperInvariant(), "Coach Diop", outline));
        await Assert.ThrowsAsync<AccessDeniedException>(() => templates.List(Callers.Member()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => templates.Delete(Callers.Coach("autre-coach"), template.Id));
        await templates.Delete(coach, template.Id);
        Assert.Null(await templates.Get(coach, template.Id));
    }

    private static WorkshopDetails Details() => new()
    {
        Title = "Atelier de test",
        StartsAt = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero),
        DurationMinutes = 60,
        Agenda = [new AgendaItem("Accueil", 10)],
    };

    private async Task<(IWorkshopGrain Grain, WorkshopView Created)> Create()
    {
        var grain = client.GetGrain<IWorkshopGrain>($"atelier-{Samples.Token()}");
        return (grain, await grain.Create(coach, Details()));
    }
}
