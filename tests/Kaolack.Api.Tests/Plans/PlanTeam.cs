using Kaolack.Api.Projects;
using Kaolack.Api.Tests.Projects;
using Kaolack.Contracts.Accounts;

namespace Kaolack.Api.Tests.Plans;

/// <summary>A project owned by a new account, with an editor and a viewer who joined: the cast of the plan tests.</summary>
public sealed record PlanTeam(string Slug, TestUser Owner, TestUser Editor, TestUser Viewer)
{
    public static async Task<PlanTeam> CreateAsync(HostFixture app, string prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        var owner = await app.NewUserAsync($"{prefix}-p");
        var editor = await app.NewUserAsync($"{prefix}-e");
        var viewer = await app.NewUserAsync($"{prefix}-l");
        using var ownerHttp = owner.Client(app.Host);
        var slug = await ProjectTeam.CreateProject(ownerHttp, prefix);
        foreach (var (user, role) in new[] { (editor, ProjectRole.Editor), (viewer, ProjectRole.Viewer) })
        {
            var invitation = await ProjectTeam.InviteOk(ownerHttp, slug, user.Email, role);
            using var http = user.Client(app.Host);
            await (await ProjectTeam.Accept(http, invitation.Token)).Read<AcceptedInvitation>();
        }
        return new PlanTeam(slug, owner, editor, viewer);
    }
}
