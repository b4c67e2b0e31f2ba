namespace Kaolack.Api.Tests.Accounts;

/// <summary>Five wrong passwords in a row lock an account for Kaolack:Accounts:LockoutDuration (2 s on this host).</summary>
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

    public void Dispose() => http.Dispose();
}
