using System.Net;
using System.Net.Sockets;
using Kaolack.Api.Workshops;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Workshops;

namespace Kaolack.Api.Tests.Workshops;

/// <summary>
/// An app with the workshops' join limits (Kaolack:Workshops) as in production, but refilling an hour apart so a test
/// sees exactly where they bite: 60 join attempts per client address, 100 guests per workshop at once.
/// </summary>
public sealed class WorkshopLimitsFixture : ApiFixture
{
    public const int AttemptsPerAddress = 60;
    public const int AdmissionBurst = 100;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = HostSettings.UnthrottledWith(
        ("Kaolack:Workshops:JoinAttemptBurst", $"{AttemptsPerAddress}"),
        ("Kaolack:Workshops:JoinAttemptInterval", "01:00:00"),
        ("Kaolack:Workshops:GuestAdmissionBurst", $"{AdmissionBurst}"),
        ("Kaolack:Workshops:GuestAdmissionInterval", "01:00:00"));
}

[CollectionDefinition(Name)]
public sealed class WorkshopLimitsCollection : ICollectionFixture<WorkshopLimitsFixture>
{
    public const string Name = "workshop-limits";
}

/// <summary>
/// The attacks of issue 20, item 5, replayed: join codes guessed at hundreds of tries a second, and one address filling a
/// workshop's 500 guest places in seconds. Each test speaks from a loopback address of its own (127.0.0.x), so each is a
/// client address the limits count apart.
/// </summary>
[Collection(WorkshopLimitsCollection.Name)]
public sealed class WorkshopLimitsTests(WorkshopLimitsFixture app)
{
    [Fact]
    public async Task Guessing_codes_from_one_address_is_refused_after_the_burst_for_every_code_the_right_one_included()
    {
        using var coach = await app.SignInNewUserAsync("limites-devinette", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Code à deviner");
        using var guesser = From(app.Host, "127.0.0.21");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 100; i++)
        {
            answers.Add(await guesser.Post("/api/workshops/join", new JoinRequest(JoinCodes.NewCode(), $"Robot {i}")));
        }
        var right = await guesser.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode!, "Robot chanceux"));
        using var neighbour = From(app.Host, "127.0.0.22");
        var other = await neighbour.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode!, "Voisine"));

        Assert.All(answers.Take(WorkshopLimitsFixture.AttemptsPerAddress), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        foreach (var refused in answers.Skip(WorkshopLimitsFixture.AttemptsPerAddress).Append(right))
        {
            await refused.Problem(HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        }
        // Another address still joins.
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Single((await (await coach.Http.GetAsync($"/api/workshops/{workshop.Meta.Slug}")).Read<WorkshopView>()).Guests);
    }

    [Fact]
    public async Task One_address_cannot_fill_a_workshop_and_many_addresses_only_at_its_pace()
    {
        using var coach = await app.SignInNewUserAsync("limites-places", Role.Coach);
        var workshop = await WorkshopTeam.Create(coach.Http, "Places d'invités");
        using var flooder = From(app.Host, "127.0.0.31");

        var flood = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => flooder.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode!, $"Faux {i}"))));
        var admittedByOne = flood.Count(r => r.StatusCode == HttpStatusCode.OK);
        // Then a crowd from other addresses: the workshop lets in its burst, and no more before its pace allows.
        var crowd = new List<HttpResponseMessage>();
        for (var address = 0; address < 5; address++)
        {
            using var client = From(app.Host, $"127.0.0.{40 + address}");
            crowd.AddRange(await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.Post("/api/workshops/join", new JoinRequest(workshop.JoinCode!, $"Foule {address}-{i}")))));
        }
        var guests = (await (await coach.Http.GetAsync($"/api/workshops/{workshop.Meta.Slug}")).Read<WorkshopView>()).Guests;

        Assert.Equal(WorkshopLimitsFixture.AttemptsPerAddress, admittedByOne);
        Assert.All(flood.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(WorkshopLimitsFixture.AdmissionBurst - admittedByOne, crowd.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in crowd.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal("too-many-arrivals", (await refused.Problem(HttpStatusCode.UnprocessableEntity, "rule-violation")).GetProperty("rule").GetString());
        }
        Assert.Equal(WorkshopLimitsFixture.AdmissionBurst, guests.Length);
    }

    /// <summary>A client whose connections leave from <paramref name="address"/>, a loopback address: the server sees it as the client's.</summary>
    private static HttpClient From(SiloHost host, string address)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
