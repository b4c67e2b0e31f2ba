using System.Net;
using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Tests.Accounts;

[Collection(ApiCollection.Name)]
public sealed class PasswordChangeTests(ApiFixture app)
{
    private const string NewPassword = "nouveau-mot-de-passe-2";

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_only_the_new_password_signs_in()
    {
        var user = await app.NewUserAsync("mdp-change");
        using var changing = await Browser.SignedInAsync(app.Host, user.Email, user.Password);
        using var otherBrowser = await Browser.SignedInAsync(app.Host, user.Email, user.Password);
        using var otherBearer = user.Client(app.Host);
        await (await otherBrowser.Http.GetAsync("/api/auth/me")).Read<Account>();
        await (await otherBearer.GetAsync("/api/auth/me")).Read<Account>();

        var change = await changing.Http.Post("/api/auth/password", new { currentPassword = user.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(user.Email, (await (await changing.Http.GetAsync("/api/auth/me")).Read<Account>()).Email);
        await (await otherBrowser.Http.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await otherBearer.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await otherBearer.Post("/api/projects", Samples.Project("Après changement"))).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        using var anonymous = app.Host.CreateClient();
        await (await AuthApi.Login(anonymous, user.Email, user.Password)).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
        using var renewed = (user with { Token = await AuthApi.ReadToken(await AuthApi.Login(anonymous, user.Email, NewPassword)) }).Client(app.Host);
        Assert.Equal(user.Email, (await (await renewed.GetAsync("/api/auth/me")).Read<Account>()).Email);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_validation_problem_and_changes_nothing()
    {
        var user = await app.NewUserAsync("mdp-refus");
        using var http = user.Client(app.Host);

        var problem = await (await http.Post("/api/auth/password", new { currentPassword = "pas-le-bon-mot-de-passe", newPassword = NewPassword }))
            .Problem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["currentPassword"], problem.ErrorFields());
        Assert.Equal(user.Email, (await (await http.GetAsync("/api/auth/me")).Read<Account>()).Email);
        using var anonymous = app.Host.CreateClient();
        await AuthApi.ReadToken(await AuthApi.Login(anonymous, user.Email, user.Password));
        await (await AuthApi.Login(anonymous, user.Email, NewPassword)).Problem(HttpStatusCode.Unauthorized, "invalid-credentials");
    }
}
