using Kaolack.Client;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Kaolack.Api.Tests.Cluster;

/// <summary>
/// The silo holding a plan stops answering (SIGSTOP) and is not declared dead yet (membership slowed down for the test):
/// calls that reach it time out. REST answers 503 with Retry-After and the hub "unavailable: {seconds}: …", which clients
/// retry without alarm; before, REST answered 500 and the hub "An unexpected error occurred invoking 'SubmitPlanOp'".
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UnavailableSiloTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Calls_to_a_silo_that_stopped_answering_are_503_with_retry_after_over_rest_and_unavailable_over_the_hub()
    {
        var options = ClusterCollection.NewCluster(azurite, "muet") with
        {
            // The frozen silo must stay a member while the test runs: ten-second probes, three of them missed.
            Settings = HostSettings.UnthrottledWith(("Cluster:ProbeTimeout", "00:00:10"), ("Cluster:MissedProbesLimit", "3")),
            ConfigureBuilder = builder => builder.Services.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = CallTimeout),
        };
        await using var cluster = await MixedCluster.StartAsync(options);
        var team = await PlanTeam.CreateAsync(cluster.Host, "plan-muet");
        await cluster.PlacePlanOnProcess(team.Slug);
        await using var hub = team.Editor.Hub(cluster.Host);
        await hub.StartAsync();
        using var http = team.Editor.Client(cluster.Host);

        await cluster.Process.Pause();
        try
        {
            using var rest = await http.GetAsync($"/api/projects/{team.Slug}/plan");
            var problem = JsonDocument.Parse(await rest.Content.ReadAsStringAsync()).RootElement;
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<PlanAck>("SubmitPlanOp", team.Slug,
                new PlanSubmission("redacteur", 1, 0, PlanOps.Add(PlanEntityKind.Section, "s1", "a0"))));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, rest.StatusCode);
            Assert.Equal("2", Assert.Single(rest.Headers.GetValues("Retry-After")));
            Assert.Equal(("unavailable", 2), (problem.GetProperty("code").GetString(), problem.GetProperty("retryAfter").GetInt32()));
            Assert.Contains("HubException: unavailable: 2: ", refused.Message, StringComparison.Ordinal);
            Assert.Equal(HubConnectionState.Connected, hub.State);
        }
        finally
        {
            await cluster.Process.Resume();
        }
    }
}
