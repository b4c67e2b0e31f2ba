using System.Diagnostics;
using Kaolack.Api.Tests.Live;
using Kaolack.Contracts.Workshops;
using Xunit.Abstractions;

namespace Kaolack.Api.Tests.Workshops;

/// <summary>Fifty participants on real SignalR connections vote at the same instant.</summary>
public sealed class WorkshopConcurrencyTests(ApiFixture app, ITestOutputHelper output) : ApiTests(app)
{
    private const int Participants = 50;
    private static readonly string[] Options = ["Foire de Kaolack", "Salon de l'ESS", "Les deux"];

    [Fact]
    public async Task Fifty_participants_voting_at_once_are_all_counted_and_every_client_sees_the_same_final_result()
    {
        var clock = Stopwatch.StartNew();
        using var coach = await App.SignInNewUserAsync("atelier-50", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Cinquante votes");
        var id = workshop.Meta.Slug;
        var topic = $"workshop:{id}";
        await using var coachHub = coach.Hub();
        await coachHub.StartAsync();
        await WorkshopTeam.Send(coachHub, id, new StartSession());
        await WorkshopTeam.Send(coachHub, id, new CreatePoll("salon", "Quel salon préparer ?", PollKind.OneChoice, Options));
        await WorkshopTeam.Send(coachHub, id, new ShowPollResults("salon", true));
        await WorkshopTeam.Send(coachHub, id, new OpenPoll("salon"));

        var guests = await Task.WhenAll(Enumerable.Range(0, Participants).Select(i => WorkshopTeam.JoinAsGuest(App.Host, workshop.JoinCode!, $"Participant {i}")));
        var connections = guests.Select(g => App.Host.CreateHubConnection(g.AccessToken)).ToArray();
        try
        {
            var logs = connections.Select(c => new LiveEventLog(c)).ToArray();
            await Task.WhenAll(connections.Select(c => c.StartAsync()));
            await Task.WhenAll(connections.Select(c => LiveEventLog.Subscribe(c, topic, null)));
            var ready = clock.Elapsed;

            // Every vote is sent at once; participant i picks option i mod 3.
            using var start = new SemaphoreSlim(0, Participants);
            var votes = connections.Select(async (connection, i) =>
            {
                await start.WaitAsync();
                return await WorkshopTeam.Send(connection, id, new Vote("salon", [i % Options.Length]));
            }).ToArray();
            start.Release(Participants);
            var acks = await Task.WhenAll(votes);
            var voted = clock.Elapsed;
            var closed = await WorkshopTeam.Send(coachHub, id, new ClosePoll("salon"));

            int[] expected = [.. Enumerable.Range(0, Options.Length).Select(option => Enumerable.Range(0, Participants).Count(i => i % Options.Length == option))];
            Assert.Equal(Participants, acks.Select(a => a.Version).Distinct().Count());
            await Task.WhenAll(logs.Select((log, i) => log.WaitForVersion(topic, closed.Version, $"participant {i}")));
            var seen = logs.Select(log => WorkshopApiTests.View(log.For(topic).Single(e => e.Version == closed.Version)).Polls.Single()).ToArray();
            var server = (await (await coach.Http.GetAsync($"/api/workshops/{id}")).Read<WorkshopView>()).Polls.Single();

            Assert.Equal(expected, server.Results!.Counts);
            Assert.Equal((Participants, PollStatus.Closed), (server.Voters, server.Status));
            Assert.All(seen, poll =>
            {
                Assert.Equal(expected, poll.Results!.Counts);
                Assert.Equal((Participants, PollStatus.Closed), (poll.Voters, poll.Status));
            });
            Assert.Equal([.. Enumerable.Range(0, Participants).Select(i => i % Options.Length)], seen.Select(poll => poll.MyChoices!.Single()));
            output.WriteLine($"{Participants} connected and subscribed in {ready.TotalSeconds:0.0} s; votes acknowledged in {(voted - ready).TotalMilliseconds:0} ms; "
                + $"all clients saw the closed poll at {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
