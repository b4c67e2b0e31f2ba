using System.Net;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Projects;
using Kaolack.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Tests.Live;

/// <summary>Two silos in one cluster (same ids, same Azurite, Azure Table membership), each with its own HTTP and hub endpoints.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TwoSiloTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Hub_clients_on_both_silos_receive_updates_made_through_either_silo_including_across_silos()
    {
        var options = ClusterCollection.NewCluster(azurite, "two-silos");
        await using var a = await SiloHost.StartAsync(options);
        await using var b = await SiloHost.StartAsync(options);
        var siloA = SiloOf(a);
        var siloB = SiloOf(b);
        await Eventually.True(() => ActiveSilos(a) == 2 && ActiveSilos(b) == 2, "both silos to see each other as active");

        // The administrator signs in on each silo, and each silo's clients use that silo's token.
        var adminOnA = await TestUser.AdminAsync(a);
        var adminOnB = await TestUser.AdminAsync(b);
        using var httpA = adminOnA.Client(a);
        using var httpB = adminOnB.Client(b);
        var slug = Samples.Slug("deux-silos");
        var topic = $"project:{slug}";
        await (await httpA.Post($"/api/projects?slug={slug}", Samples.Project("Projet sur deux silos"))).Read<JointProject>(HttpStatusCode.Created);

        await using var clientOnA = adminOnA.Hub(a);
        await using var clientOnB = adminOnB.Hub(b);
        var logA = new LiveEventLog(clientOnA);
        var logB = new LiveEventLog(clientOnB);
        await clientOnA.StartAsync();
        await clientOnB.StartAsync();
        await LiveEventLog.Subscribe(clientOnA, topic, 1);
        await LiveEventLog.Subscribe(clientOnB, topic, 1);

        await (await httpA.Put($"/api/projects/{slug}", Samples.Project("Modifié via A"), ifMatch: 1)).Read<JointProject>();
        await logA.WaitForVersion(topic, 2, "the client on A");
        await logB.WaitForVersion(topic, 2, "the client on B");
        await (await httpB.Put($"/api/projects/{slug}", Samples.Project("Modifié via B"), ifMatch: 2)).Read<JointProject>();
        var eventsA = await logA.WaitForVersion(topic, 3, "the client on A");
        var eventsB = await logB.WaitForVersion(topic, 3, "the client on B");

        var grainSilo = await a.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(a.Grains.GetGrain<IJointProjectGrain>(slug));
        Assert.NotEqual(siloA, siloB);
        Assert.NotNull(grainSilo);
        Assert.Contains(grainSilo, new[] { siloA, siloB });
        // The grain lives on one silo; the client connected to the other one gets its events only through
        // the grain calling that silo's relay, so at least one client below proves the cross-silo path.
        var remoteClient = grainSilo.Equals(siloA) ? eventsB : eventsA;
        Assert.Equal([2L, 3L], remoteClient.Select(e => e.Version));
        foreach (var events in new[] { eventsA, eventsB })
        {
            Assert.Equal([2L, 3L], events.Select(e => e.Version));
            Assert.All(events, e => Assert.Equal(ChangeKind.Updated, e.Change));
        }
        Assert.Equal("Modifié via B", Assert.IsType<System.Text.Json.JsonElement>(eventsA.Last().Data).GetProperty("charter").GetProperty("title").GetString());
    }

    private static SiloAddress SiloOf(SiloHost host) => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static int ActiveSilos(SiloHost host) =>
        host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
}
