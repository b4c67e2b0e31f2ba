using System.Net;
using Kaolack.Api.Projects;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Projects;

namespace Kaolack.Api.Tests.Projects;

/// <summary>A project always keeps an owner.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProjectMembershipTests(ApiFixture app)
{
    [Fact]
    public async Task The_last_owner_can_neither_leave_nor_step_down_422_last_owner()
    {
        var owner = await app.NewUserAsync("dernier-proprio");
        using var http = owner.Client(app.Host);
        var slug = await ProjectTeam.CreateProject(http, "dernier-proprietaire");

        var leave = await (await http.DeleteAsync(ProjectTeam.Member(slug, owner.Email))).Problem(HttpStatusCode.UnprocessableEntity, "rule-violation");
        var stepDown = await (await http.Put(ProjectTeam.Member(slug, owner.Email), new RoleChange(ProjectRole.Editor), ifMatch: null))
            .Problem(HttpStatusCode.UnprocessableEntity, "rule-violation");
        var project = await (await http.GetAsync($"/api/projects/{slug}")).Read<JointProject>();

        Assert.Equal("last-owner", leave.GetProperty("rule").GetString());
        Assert.Equal("last-owner", stepDown.GetProperty("rule").GetString());
        Assert.Equal(1, project.Meta.Version);
        var member = Assert.Single(project.Members);
        Assert.Equal((owner.Email, ProjectRole.Owner), (member.UserId, member.Role));
    }

    [Fact]
    public async Task Once_another_owner_has_joined_the_first_owner_can_leave_and_loses_access()
    {
        var first = await app.NewUserAsync("premier-proprio");
        var second = await app.NewUserAsync("second-proprio");
        using var firstHttp = first.Client(app.Host);
        using var secondHttp = second.Client(app.Host);
        var slug = await ProjectTeam.CreateProject(firstHttp, "passation");
        var invitation = await ProjectTeam.InviteOk(firstHttp, slug, second.Email, ProjectRole.Owner);
        await (await ProjectTeam.Accept(secondHttp, invitation.Token)).Read<AcceptedInvitation>();

        var left = await (await firstHttp.DeleteAsync(ProjectTeam.Member(slug, first.Email))).Read<JointProject>();

        var remaining = Assert.Single(left.Members);
        Assert.Equal((second.Email, ProjectRole.Owner), (remaining.UserId, remaining.Role));
        await (await firstHttp.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(slug, (await (await secondHttp.GetAsync($"/api/projects/{slug}")).Read<JointProject>()).Meta.Slug);
    }
}
