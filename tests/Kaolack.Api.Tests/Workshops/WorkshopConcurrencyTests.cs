using System.Diagnostics;
using System.Text.Json;
using Kaolack.Client;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Workshops;
using Xunit.Abstractions;

namespace Kaolack.Api.Tests.Workshops;

/// <summary>
/// Two hundred and ten guests on real SignalR connections vote, add an idea each and place a dot, all at the same instant
/// each time (the 500-phone run is the benchmark's: docs/BENCHMARKS.md).
/// </summary>
public sealed class WorkshopConcurrencyTests(ApiFixture app, ITestOutputHelper output) : ApiTests(app)
{
    private const int Participants = 210;
    private static readonly string[] Options = ["Foire de Kaolack", "Salon de l'ESS", "Les deux"];

    [Fact]
    public async Task Two_hundred_participants_acting_at_once_are_all_counted_every_client_ends_on_the_same_view_and_receives_few_events()
    {
        var clock = Stopwatch.StartNew();
        using var coach = await App.SignInNewUserAsync("atelier-210", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Deux cents participants");
        var id = workshop.Meta.Slug;
        await using var coachHub = coach.Hub();
        await coachHub.StartAsync();
        await WorkshopTeam.Send(coachHub, id, new StartSession());
        await WorkshopTeam.Send(coachHub, id, new CreatePoll("salon", "Quel salon préparer ?", PollKind.OneChoice, Options));
        await WorkshopTeam.Send(coachHub, id, new ShowPollResults("salon", true));
        await WorkshopTeam.Send(coachHub, id, new OpenPoll("salon"));
        await WorkshopTeam.Send(coachHub, id, new AddColumn("idees", "Idées"));
        await WorkshopTeam.Send(coachHub, id, new SetDotBudget(1));

        using var joining = new SemaphoreSlim(16);
        var guests = await Task.WhenAll(Enumerable.Range(0, Participants).Select(async i =>
        {
            await joining.WaitAsync();
            try
            {
                return await WorkshopTeam.JoinAsGuest(App.Host, workshop.JoinCode!, $"Participant {i}");
            }
            finally
            {
                joining.Release();
            }
        }));
        var connections = guests.Select(g => App.Host.CreateHubConnection(g.AccessToken)).ToArray();
        var received = new int[Participants];
        var followers = connections.Select((c, i) => new WorkshopFollower(c, id, _ => Interlocked.Increment(ref received[i]))).ToArray();
        try
        {
            await Task.WhenAll(connections.Select(c => c.StartAsync()));
            await Task.WhenAll(followers.Select(f => f.Subscribe()));
            await Task.WhenAll(connections.Select(c => WorkshopTeam.Send(c, id, new JoinSession())));
            await Task.WhenAll(followers.Select(f => f.WaitFor(v => v.Present == Participants, WorkshopTeam.Patience)));
            var ready = clock.Elapsed;
            var before = (await (await coach.Http.GetAsync($"/api/workshops/{id}")).Read<WorkshopView>()).Meta.Version;
            Array.Clear(received);

            // Participant i votes for option i mod 3, adds idea i, then puts a dot on idea i + 1: each step at the same instant.
            var votes = await AllAtOnce(connections, (c, i) => WorkshopTeam.Send(c, id, new Vote("salon", [i % Options.Length])));
            await Task.WhenAll(followers.Select(f => f.WaitFor(v => v.Polls[0].Voters == Participants, WorkshopTeam.Patience)));
            var voted = clock.Elapsed;
            var ideas = await AllAtOnce(connections, (c, i) => WorkshopTeam.Send(c, id, new AddNote($"idee-{i}", "idees", $"Idée numéro {i}")));
            await Task.WhenAll(followers.Select(f => f.WaitFor(v => v.Notes.Length == Participants, WorkshopTeam.Patience)));
            var dots = await AllAtOnce(connections, (c, i) => WorkshopTeam.Send(c, id, new AddDot($"idee-{(i + 1) % Participants}")));
            var closed = await WorkshopTeam.Send(coachHub, id, new ClosePoll("salon"));
            var final = await Task.WhenAll(followers.Select(f => f.WaitFor(v => v.Meta.Version >= closed.Version, WorkshopTeam.Patience)));
            var server = (await (await coach.Http.GetAsync($"/api/workshops/{id}")).Read<WorkshopView>());

            int[] expected = [.. Enumerable.Range(0, Options.Length).Select(option => Enumerable.Range(0, Participants).Count(i => i % Options.Length == option))];
            Assert.Equal(expected, server.Polls[0].Results!.Counts);
            Assert.Equal((Participants, PollStatus.Closed), (server.Polls[0].Voters, server.Polls[0].Status));
            Assert.Equal(Participants, server.Notes.Length);
            Assert.All(server.Notes, note => Assert.Equal(1, note.Dots));
            Assert.All(votes.Concat(ideas).Concat(dots), ack => Assert.InRange(ack.Version, before + 1, closed.Version));

            // Every client ends on the server's view: the same for all, but for what is each one's own.
            var shared = Shared(server);
            Assert.All(final, view => Assert.Equal(shared, Shared(view)));
            Assert.All(final.Select((view, i) => (view, i)), seen =>
            {
                Assert.Equal([seen.i % Options.Length], Assert.Single(seen.view.Mine.Ballots).Choices);
                Assert.Equal($"idee-{(seen.i + 1) % Participants}", Assert.Single(seen.view.Mine.Dots).NoteId);
                Assert.Equal(0, WorkshopDeltas.DotsLeft(seen.view));
            });

            // 630 actions were stored in batches, and each client received one event per stored batch, not one per action.
            var writes = closed.Version - before;
            output.WriteLine($"{Participants} joined, connected and subscribed in {ready.TotalSeconds:0.0} s; all votes seen everywhere "
                + $"{(voted - ready).TotalMilliseconds:0} ms later; {3 * Participants + 1} actions stored in {writes} writes; "
                + $"events per client {received.Min()}–{received.Max()}; done at {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.All(received, count => Assert.InRange(count, 1, writes));
            Assert.True(writes < 3 * Participants / 2, $"{writes} writes for {3 * Participants + 1} actions");
        }
        finally
        {
            foreach (var follower in followers)
            {
                follower.Dispose();
            }
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Every connection sends at the same instant (released together once all are waiting).</summary>
    private static async Task<WorkshopAck[]> AllAtOnce(HubConnection[] connections, Func<HubConnection, int, Task<WorkshopAck>> send)
    {
        using var start = new SemaphoreSlim(0, connections.Length);
        var sent = connections.Select(async (connection, i) =>
        {
            await start.WaitAsync();
            return await send(connection, i);
        }).ToArray();
        start.Release(connections.Length);
        return await Task.WhenAll(sent);
    }

    /// <summary>What every participant sees alike: the view but for its caller's own part and the timer's reading.</summary>
    private static string Shared(WorkshopView view) => JsonSerializer.Serialize(
        view with { You = new ParticipantSelf("", false), Mine = WorkshopMine.Nothing, Timer = view.Timer with { ServerNow = default }, Attendance = [], Guests = [], JoinCode = null, Details = view.Details with { Coaches = [] } },
        SiloHost.Json);
}
