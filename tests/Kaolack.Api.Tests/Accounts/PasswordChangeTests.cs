namespace Kaolack.Api.Tests.Accounts;

public sealed class PasswordChangeTests(ApiFixture app) : ApiTests(app)
{
    private const string NewPassword = "nouveau-mot-de-passe-2";

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_only_the_new_password_signs_in()
    {
        var user = await App.NewUserAsync("mdp-change");
        using var changing = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        using var otherBrowser = await Browser.SignedInAsync(App.Host, user.Email, user.Password);
        using var otherBearer = user.Client(App.Host);
        await (await otherBrowser.Http.GetAsync("/api/auth/me")).Read<Account>();
        await (await otherBearer.GetAsync("/api/auth/me")).Read<Account>();

        var change = await changing.Http.Post("/api/auth/password", new { currentPassword = user.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(user.Email, (await (await changing.Http.GetAsync("/api/auth/me")).Read<Account>()).Email);
        await (await otherBrowser.Http.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await otherBearer.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await otherBearer.Post("/api/projects", Samples.Project("Après changement"))).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        using var anonymous = App.Host.CreateClient();
        await (await AuthApi.Login(anonymous, user.Email, user.Password)).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        using var renewed = (user with { Token = await AuthApi.ReadToken(await AuthApi.Login(anonymous, user.Email, NewPassword)) }).Client(App.Host);
        Assert.Equal(user.Email, (await (await renewed.GetAsync("/api/auth/me")).Read<Account>()).Email);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_validation_problem_and_changes_nothing()
    {
        using var user = await App.SignInNewUserAsync("mdp-refus");

        var problem = await (await user.Http.Post("/api/auth/password", new { currentPassword = "pas-le-bon-mot-de-passe", newPassword = NewPassword }))
            .Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["currentPassword"], problem.ErrorFields());
        Assert.Equal(user.Email, (await (await user.Http.GetAsync("/api/auth/me")).Read<Account>()).Email);
        using var anonymous = App.Host.CreateClient();
        await AuthApi.ReadToken(await AuthApi.Login(anonymous, user.Email, user.Account.Password));
        await (await AuthApi.Login(anonymous, user.Email, NewPassword)).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
    }
}
