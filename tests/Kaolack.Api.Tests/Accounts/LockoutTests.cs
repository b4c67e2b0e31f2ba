namespace Kaolack.Api.Tests.Accounts;

/// <summary>
/// Five wrong passwords in a row from one address lock that address out of the account for Kaolack:Accounts:LockoutDuration
/// (2 s on this host); the account's owner, at another address, is not locked out.
/// </summary>
public sealed class LockoutTests(ShortTimesFixture app) : ShortTimesTests(app), IDisposable
{
    private readonly HttpClient http = app.Host.CreateClient();

    [Fact]
    public async Task The_fifth_wrong_password_locks_the_account_with_423_locked_until_and_the_right_password_is_refused_meanwhile()
    {
        var user = await App.NewUserAsync("verrou");
        var before = DateTimeOffset.UtcNow;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await AuthApi.Login(http, user.Email, $"mauvais-essai-{attempt}")).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        }
        var locked = await (await AuthApi.Login(http, user.Email, "mauvais-essai-5")).Problem(HttpStatusCode.Locked, "locked-out");
        var refused = await (await AuthApi.Login(http, user.Email, user.Password)).Problem(HttpStatusCode.Locked, "locked-out");

        var lockedUntil = locked.GetProperty("lockedUntil").GetDateTimeOffset();
        Assert.InRange(lockedUntil, before + ShortTimesFixture.LockoutDuration, DateTimeOffset.UtcNow + ShortTimesFixture.LockoutDuration);
        Assert.Equal(lockedUntil, refused.GetProperty("lockedUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task Once_the_lockout_duration_has_passed_the_right_password_signs_in_again()
    {
        var user = await App.NewUserAsync("verrou-fin");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await AuthApi.Login(http, user.Email, $"mauvais-essai-{attempt}");
        }
        var lockedUntil = (await (await AuthApi.Login(http, user.Email, user.Password)).Problem(HttpStatusCode.Locked, "locked-out"))
            .GetProperty("lockedUntil").GetDateTimeOffset();

        string? token = null;
        await Eventually.True(async () =>
        {
            using var response = await AuthApi.Login(http, user.Email, user.Password);
            if (response.StatusCode == HttpStatusCode.Locked)
            {
                return false;
            }
            token = await AuthApi.ReadToken(response);
            return true;
        }, "the lockout to end");
        var signedInAt = DateTimeOffset.UtcNow;

        Assert.True(signedInAt >= lockedUntil, $"Signed in at {signedInAt:O}, before the lock ended at {lockedUntil:O}.");
        using var signedIn = (user with { Token = token! }).Client(App.Host);
        Assert.Equal(user.Email, (await (await signedIn.GetAsync("/api/auth/me")).Read<Account>()).Email);
    }

    /// <summary>Issue 20: anyone could lock any account for 15 minutes with five wrong guesses, its owner included.</summary>
    [Fact]
    public async Task A_stranger_at_another_address_who_guesses_five_times_locks_only_their_own_address()
    {
        var user = await App.NewUserAsync("cible-verrou");
        using var stranger = LoopbackClients.From(App.Host, IPAddress.Parse("127.0.0.2"));
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await AuthApi.Login(stranger, user.Email, $"devine-{attempt}")).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        }
        await (await AuthApi.Login(stranger, user.Email, "devine-5")).Problem(HttpStatusCode.Locked, "locked-out");

        var owner = await AuthApi.ReadToken(await AuthApi.Login(http, user.Email, user.Password));
        await (await AuthApi.Login(stranger, user.Email, user.Password)).Problem(HttpStatusCode.Locked, "locked-out");

        Assert.False(string.IsNullOrEmpty(owner));
    }

    /// <summary>Issue 20: a lock (423) only ever happened to addresses with an account, which told who has one.</summary>
    [Fact]
    public async Task An_address_without_an_account_is_answered_and_locked_exactly_like_one_with_an_account()
    {
        var user = await App.NewUserAsync("existe-verrou");
        var nobody = TestUser.NewEmail("personne-verrou");
        var answers = new List<(HttpStatusCode Account, HttpStatusCode Nobody, string? AccountCode, string? NobodyCode)>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            using var forAccount = await AuthApi.Login(http, user.Email, $"devine-{attempt}");
            using var forNobody = await AuthApi.Login(http, nobody, $"devine-{attempt}");
            answers.Add((forAccount.StatusCode, forNobody.StatusCode, await Code(forAccount), await Code(forNobody)));
        }

        Assert.All(answers, a => Assert.Equal((a.Account, a.AccountCode), (a.Nobody, a.NobodyCode)));
        Assert.Equal(HttpStatusCode.Locked, answers[^1].Nobody);
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();

    public void Dispose() => http.Dispose();
}
