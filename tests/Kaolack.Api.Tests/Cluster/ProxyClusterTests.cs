using System.Net.Http.Json;
using System.Net.Sockets;
using Kaolack.Client;
using Kaolack.Contracts.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Tests.Cluster;

/// <summary>
/// Two silos behind a real nginx (round robin, no affinity, WebSocket upgrade): .NET clients connect with WebSockets only
/// and land on both silos, edit one plan together across them, and keep editing without a reload when one silo stops;
/// the silos believe the client addresses nginx forwards (each client has its own sign-in allowance, not the proxy's).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ProxyClusterTests(AzuriteFixture azurite)
{
    private const int Clients = 4;
    private const int LoginsPerMinute = 2;

    [Fact]
    public async Task Two_silos_behind_nginx_share_the_clients_keep_them_editing_when_one_stops_and_believe_its_forwarded_addresses()
    {
        var options = ClusterCollection.NewCluster(azurite, "proxy") with
        {
            Settings = new Dictionary<string, string?>
            {
                ["Kaolack:Hardening:LoginPermitsPerMinute"] = $"{LoginsPerMinute}",
                ["Kaolack:Hardening:RegistrationPermitsPerHour"] = "100000",
                ["Kaolack:Hardening:WritePermitsPerMinute"] = "100000",
                ["Kaolack:Proxy:KnownProxies:0"] = "127.0.0.1",
            },
        };
        await using var a = await SiloHost.StartAsync(options);
        await using var b = await SiloHost.StartAsync(options);
        await Eventually.True(() => ActiveSilos(a) == 2, "both silos to be active", TimeSpan.FromSeconds(60));
        await using var nginx = await NginxServer.StartAsync([a.BaseAddress, b.BaseAddress]);

        // Sign-in allowances are per client address: one address spending its own leaves another's whole.
        using var first = From("127.0.0.2", nginx.BaseAddress);
        using var second = From("127.0.0.3", nginx.BaseAddress);
        var firstAnswers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4 * LoginsPerMinute && !firstAnswers.Contains(HttpStatusCode.TooManyRequests); attempt++)
        {
            firstAnswers.Add(await WrongLogin(first));
        }
        var secondAnswer = await WrongLogin(second);

        var admin = await TestUser.AdminAsync(a);
        var slug = Samples.Slug("derriere-nginx");
        using (var http = new HttpClient { BaseAddress = nginx.BaseAddress })
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", admin.Token);
            await (await http.Post($"/api/projects?slug={slug}", Samples.Project("Projet derrière nginx"))).Read<JointProject>(HttpStatusCode.Created);
        }
        var hubUri = new Uri(nginx.BaseAddress, "/hubs/live");
        var clients = new List<PlanClient>();
        var reconnections = 0;
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                var connection = PlanClient.CreateConnection(hubUri, () => Task.FromResult<string?>(admin.Token));
                connection.Reconnected += _ =>
                {
                    Interlocked.Increment(ref reconnections);
                    return Task.CompletedTask;
                };
                var client = new PlanClient(connection, slug, $"client-{i}");
                clients.Add(client);
                await client.ConnectAsync();
            }
            clients[0].Edit(PlanOps.Add(PlanEntityKind.Section, "s1", "a0"));
            await Synchronized(clients, 1);
            await TypeMarkers(clients, round: 1);

            // B leaves: its clients reconnect through nginx, which takes them to A.
            await b.StopAsync();
            await TypeMarkers(clients, round: 2);
            var stored = await Plan(a, admin, slug);

            Assert.Contains(HttpStatusCode.TooManyRequests, firstAnswers);
            Assert.Equal(HttpStatusCode.Unauthorized, secondAnswer);
            var body = Assert.Single(stored.Document.Sections).Fields[PlanFields.Body];
            foreach (var marker in Enumerable.Range(0, Clients).SelectMany(i => new[] { Marker(i, 1), Marker(i, 2) }))
            {
                Assert.Equal(1, body.Split(marker).Length - 1);
            }
            Assert.All(clients, client =>
            {
                Assert.Null(client.Fault);
                Assert.Equal(0, client.ServerLosses);
                Assert.Equal(body, Assert.Single(client.Document.Sections).Fields[PlanFields.Body]);
            });
            Assert.True(reconnections > 0, "no client was connected to the silo that stopped: nginx did not spread them");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
        // Closed WebSockets are in nginx's log with the silo each went to.
        var hubUpstreams = nginx.Upstreams.ToHashSet();
        Assert.Contains($"127.0.0.1:{a.BaseAddress.Port}", hubUpstreams);
        Assert.Contains($"127.0.0.1:{b.BaseAddress.Port}", hubUpstreams);
    }

    private static string Marker(int client, int round) => $"<{client}.{round}>";

    /// <summary>Every client inserts its marker at the start of the body at once; all then hold the same plan.</summary>
    private static async Task TypeMarkers(List<PlanClient> clients, int round)
    {
        for (var i = 0; i < clients.Count; i++)
        {
            clients[i].Edit(PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 0, Marker(i, round)));
        }
        await Synchronized(clients, 1 + (round * clients.Count));
    }

    private static Task Synchronized(List<PlanClient> clients, long version) =>
        Task.WhenAll(clients.Select(client => client.WaitUntilSynchronizedAsync(TimeSpan.FromSeconds(60), version)));

    private static async Task<PlanSnapshot> Plan(SiloHost host, TestUser admin, string slug)
    {
        using var http = admin.Client(host);
        return await (await http.GetAsync($"/api/projects/{slug}/plan")).Read<PlanSnapshot>();
    }

    private static async Task<HttpStatusCode> WrongLogin(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = "personne@tests.example.org", password = "pas-le-bon-mot-de-passe" });
        return response.StatusCode;
    }

    /// <summary>A client whose connections come from <paramref name="localAddress"/> (any 127.x address is this machine).</summary>
    private static HttpClient From(string localAddress, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static int ActiveSilos(SiloHost host) =>
        host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
}
