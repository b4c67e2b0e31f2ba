using Kaolack.Api.Hardening;

namespace Kaolack.Api.Tests.Hardening;

/// <summary>An app with the login limit on and small: 20 sign-in attempts per minute per address (one more every 3 s).</summary>
public sealed class RateLimitFixture : HostFixture
{
    public const int LoginPermitsPerMinute = 20;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Kaolack:Hardening:RateLimitingEnabled"] = "true",
        ["Kaolack:Hardening:LoginPermitsPerMinute"] = $"{LoginPermitsPerMinute}",
    };
}

public sealed class RateLimitTests(RateLimitFixture app) : IClassFixture<RateLimitFixture>
{
    private const int Permits = RateLimitFixture.LoginPermitsPerMinute;

    [Fact]
    public async Task A_burst_of_failed_logins_from_one_address_gets_429_and_another_account_from_it_is_not_locked_and_signs_in_once_the_window_allows()
    {
        using var http = app.Host.CreateClient();
        var target = TestUser.NewEmail("cible");
        var neighbour = TestUser.NewEmail("voisin");
        await app.Host.RegisterAsync(target, Samples.Password);
        await app.Host.RegisterAsync(neighbour, Samples.Password);

        var burst = new List<HttpStatusCode>();
        JsonElement? refusal = null;
        TimeSpan? retryAfter = null;
        for (var attempt = 1; attempt <= 2 * Permits; attempt++)
        {
            using var response = await AuthApi.Login(http, target, $"devine-{attempt}");
            burst.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && refusal is null)
            {
                refusal = await response.Problem(HttpStatusCode.TooManyRequests, "rate-limited");
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
        }
        var neighbourAnswers = new List<HttpStatusCode>();
        await Eventually.True(async () =>
        {
            using var response = await AuthApi.Login(http, neighbour, Samples.Password);
            neighbourAnswers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return false;
            }
            await AuthApi.ReadToken(response);
            return true;
        }, "the neighbour's login to be let through");
        var targetNow = await app.Host.Grains.GetGrain<IUserGrain>(target).CheckPassword(Samples.Password, ClientPartition.AddressKey(IPAddress.Loopback));

        // A full bucket lets the first attempts reach the account, which locks at the fifth wrong password.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Locked],
            burst.Take(5));
        Assert.All(burst.Take(Permits).Skip(5), status => Assert.Equal(HttpStatusCode.Locked, status));
        Assert.All(burst.Skip(Permits), status => Assert.Contains(status, new[] { HttpStatusCode.Locked, HttpStatusCode.TooManyRequests }));
        Assert.True(burst.Count(status => status == HttpStatusCode.TooManyRequests) >= Permits / 2, string.Join(", ", burst));
        Assert.NotNull(refusal);
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60.0 / Permits));
        // Same address, same allowance: the neighbour waited, but was never refused as locked or wrong.
        Assert.Equal(HttpStatusCode.OK, neighbourAnswers[^1]);
        Assert.All(neighbourAnswers[..^1], status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(LoginStatus.LockedOut, targetNow.Status);
    }
}
