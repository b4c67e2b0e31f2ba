using System.Diagnostics;
using Kaolack.Api.Tests.Live;
using Kaolack.Api.Tests.Projects;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Kaolack.Api.Tests.Hardening;

/// <summary>
/// Abuse bounded (issue 20, items 6 and 10): hub calls past a connection's or an account's budget are refused "throttled"
/// and served again once it refills, a refused call is one line of log, and an account creates a bounded number of
/// projects an hour.
/// </summary>
[Collection(LimitsCollection.Name)]
public sealed class LimitsTests(LimitsFixture app)
{
    private const string Topic = "directory:cooperatives";

    [Fact]
    public async Task A_connection_flooding_the_hub_is_refused_throttled_past_its_budget_others_are_not_and_it_is_served_again_once_refilled()
    {
        var flooder = await app.NewUserAsync("deluge");
        var bystander = await app.NewUserAsync("passant");
        await using var flood = flooder.Hub(app.Host);
        await using var other = bystander.Hub(app.Host);
        await flood.StartAsync();
        await other.StartAsync();

        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Record.ExceptionAsync(() => LiveEventLog.Subscribe(flood, Topic, null))));
        var elapsed = clock.Elapsed;
        var bystanderServed = await LiveEventLog.Subscribe(other, Topic, null);

        var served = outcomes.Count(o => o is null);
        var refused = outcomes.OfType<HubException>().ToArray();
        Assert.Equal(60, served + refused.Length);
        Assert.All(refused, r => Assert.Contains("HubException: throttled: ", r.Message, StringComparison.Ordinal));
        Assert.InRange(served, LimitsFixture.HubBurst, LimitsFixture.HubBurst + (int)Math.Ceiling(elapsed.TotalSeconds * LimitsFixture.HubCallsPerSecond) + 1);
        Assert.True(bystanderServed.Version >= 0);
        // The budget refills: the same connection is served again, without reconnecting.
        await Eventually.True(async () => await Record.ExceptionAsync(() => LiveEventLog.Subscribe(flood, Topic, null)) is null, "the flooder to be served again");
        Assert.Equal(HubConnectionState.Connected, flood.State);
    }

    [Fact]
    public async Task An_account_cannot_escape_its_budget_by_opening_more_connections()
    {
        var flooder = await app.NewUserAsync("deluge-multi");
        var connections = Enumerable.Range(0, 4).Select(_ => flooder.Hub(app.Host)).ToArray();
        try
        {
            await Task.WhenAll(connections.Select(c => c.StartAsync()));
            var clock = Stopwatch.StartNew();
            // Each connection stays within its own budget; together they exceed the account's.
            var outcomes = await Task.WhenAll(connections.SelectMany(c => Enumerable.Range(0, LimitsFixture.HubBurst)
                .Select(_ => Record.ExceptionAsync(() => LiveEventLog.Subscribe(c, Topic, null)))));
            var elapsed = clock.Elapsed;

            var served = outcomes.Count(o => o is null);
            Assert.All(outcomes.OfType<Exception>(), r => Assert.Contains("HubException: throttled: ", r.Message, StringComparison.Ordinal));
            Assert.InRange(served, 1, LimitsFixture.AccountHubBurst + (int)Math.Ceiling(elapsed.TotalSeconds * LimitsFixture.HubCallsPerSecond) + 1);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_refused_hub_call_is_logged_as_one_line_without_a_stack_trace()
    {
        var owner = await app.NewUserAsync("journal-p");
        var outsider = await app.NewUserAsync("journal-x");
        using var ownerHttp = owner.Client(app.Host);
        var slug = await ProjectTeam.CreateProject(ownerHttp, "journal");
        await using var hub = outsider.Hub(app.Host);
        await hub.StartAsync();
        var since = DateTimeOffset.UtcNow;

        var refused = await Assert.ThrowsAsync<HubException>(() => LiveEventLog.Subscribe(hub, $"project:{slug}", null));
        // A later call that succeeds marks the end of what the refusal could have logged.
        await LiveEventLog.Subscribe(hub, Topic, null);
        var logged = app.Logs.Since(since);

        Assert.Contains("HubException: forbidden: ", refused.Message, StringComparison.Ordinal);
        // The client skips negotiation (WebSockets only), so it never learns its connection id: the line is found by its caller.
        var line = Assert.Single(logged, e => e.Message.Contains($"by {outsider.Email} (", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("Subscribe", line.Message, StringComparison.Ordinal);
        Assert.Contains("forbidden", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.Message);
        Assert.All(logged, e => Assert.Null(e.Exception));
    }

    [Fact]
    public async Task An_account_creates_a_bounded_number_of_projects_an_hour_and_is_told_when_to_try_again()
    {
        var creator = await app.NewUserAsync("quota");
        using var http = creator.Client(app.Host);
        var slugs = Enumerable.Range(0, LimitsFixture.CreationsPerHour + 1).Select(_ => Samples.Slug("quota")).ToArray();

        var answers = new List<HttpResponseMessage>();
        foreach (var slug in slugs)
        {
            answers.Add(await http.Post($"/api/projects?slug={slug}", Samples.Project("Projet du quota")));
        }
        var refused = answers[^1];
        using var admin = await app.Host.CreateAdminClientAsync();
        var extra = await admin.GetAsync($"/api/projects/{slugs[^1]}");
        // Another kind has its own allowance.
        var cooperative = await http.Post($"/api/cooperatives?slug={Samples.Slug("quota-coop")}", Samples.Cooperative("Coopérative du quota"));

        Assert.All(answers[..^1], a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var problem = await refused.Problem(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is given");
        Assert.Contains($"{LimitsFixture.CreationsPerHour} créations", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, extra.StatusCode);
        Assert.Equal(HttpStatusCode.Created, cooperative.StatusCode);
    }
}
