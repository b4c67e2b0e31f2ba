using Kaolack.Api.Projects;

namespace Kaolack.Api.Tests.Projects;

/// <summary>A project always keeps an owner.</summary>
public sealed class ProjectMembershipTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task The_last_owner_can_neither_leave_nor_step_down_422_last_owner()
    {
        using var owner = await App.SignInNewUserAsync("dernier-proprio");
        var slug = await ProjectTeam.CreateProject(owner.Http, "dernier-proprietaire");

        var leave = await (await owner.Http.DeleteAsync(ProjectTeam.Member(slug, owner.Email))).Problem(HttpStatusCode.UnprocessableEntity, "rule-violation");
        var stepDown = await (await owner.Http.Put(ProjectTeam.Member(slug, owner.Email), new RoleChange(ProjectRole.Editor), ifMatch: null))
            .Problem(HttpStatusCode.UnprocessableEntity, "rule-violation");
        var project = await (await owner.Http.GetAsync($"/api/projects/{slug}")).Read<JointProject>();

        Assert.Equal("last-owner", leave.GetProperty("rule").GetString());
        Assert.Equal("last-owner", stepDown.GetProperty("rule").GetString());
        Assert.Equal(1, project.Meta.Version);
        var member = Assert.Single(project.Members);
        Assert.Equal((owner.Email, ProjectRole.Owner), (member.UserId, member.Role));
    }

    [Fact]
    public async Task Once_another_owner_has_joined_the_first_owner_can_leave_and_loses_access()
    {
        using var first = await App.SignInNewUserAsync("premier-proprio");
        using var second = await App.SignInNewUserAsync("second-proprio");
        var slug = await ProjectTeam.CreateProject(first.Http, "passation");
        await ProjectTeam.Join(first.Http, slug, second, ProjectRole.Owner);

        var left = await (await first.Http.DeleteAsync(ProjectTeam.Member(slug, first.Email))).Read<JointProject>();

        var remaining = Assert.Single(left.Members);
        Assert.Equal((second.Email, ProjectRole.Owner), (remaining.UserId, remaining.Role));
        await (await first.Http.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(slug, (await (await second.Http.GetAsync($"/api/projects/{slug}")).Read<JointProject>()).Meta.Slug);
    }
}
