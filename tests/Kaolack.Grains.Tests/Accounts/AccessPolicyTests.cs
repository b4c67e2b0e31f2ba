using Kaolack.Grains.Common;

namespace Kaolack.Grains.Tests.Accounts;

public sealed class AccessPolicyTests
{
    private const string Me = "moi@kaolack.test";
    private const string Someone = "autre@kaolack.test";
    private static readonly DateTimeOffset Since = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<Role[]> PartnerCombinations => new()
    {
        new[] { Role.Partner },
        new[] { Role.Partner, Role.Member },
        new[] { Role.Partner, Role.Coach },
        new[] { Role.Partner, Role.Coach, Role.Member },
    };

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Coach)]
    [InlineData(Role.Partner)]
    [InlineData(Role.Member)]
    public void Any_role_reads_the_directory(Role role) =>
        Assert.True(AccessPolicy.CanReadDirectory(As(role)));

    [Fact]
    public void An_account_without_roles_reads_no_directory_and_writes_nothing()
    {
        var nobody = new Caller(Me, []);
        Assert.False(AccessPolicy.CanReadDirectory(nobody));
        Assert.False(AccessPolicy.CanSee(nobody, null));
        Assert.False(AccessPolicy.CanSee(nobody, [Me]));
        Assert.False(AccessPolicy.CanReadProject(nobody, [Owner(Someone)]));
        Assert.False(AccessPolicy.CanCreate(nobody));
        Assert.False(AccessPolicy.CanEditOrganisation(nobody, [Me]));
        Assert.False(AccessPolicy.CanEditProject(nobody, [Owner(Me)]));
        Assert.False(AccessPolicy.CanManageProject(nobody, [Owner(Me)]));
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Coach)]
    [InlineData(Role.Member)]
    public void Admins_coaches_and_members_may_create(Role role) =>
        Assert.True(AccessPolicy.CanCreate(As(role)));

    [Theory]
    [MemberData(nameof(PartnerCombinations))]
    public void A_partner_is_read_only_even_with_other_roles(Role[] roles)
    {
        var partner = new Caller(Me, roles);

        Assert.False(partner.MayWrite);
        Assert.False(AccessPolicy.CanCreate(partner));
        Assert.False(AccessPolicy.CanEditOrganisation(partner, [Me]));
        Assert.False(AccessPolicy.CanEditProject(partner, [Owner(Me)]));
        Assert.False(AccessPolicy.CanManageProject(partner, [Owner(Me)]));
        // …but reads everything.
        Assert.True(AccessPolicy.CanReadDirectory(partner));
        Assert.True(AccessPolicy.CanReadProject(partner, [Owner(Someone)]));
        Assert.True(AccessPolicy.CanSee(partner, [Someone]));
    }

    [Fact]
    public void A_member_edits_an_organisation_only_when_it_belongs_to_it()
    {
        var member = As(Role.Member);
        Assert.True(AccessPolicy.CanEditOrganisation(member, [Someone, Me]));
        Assert.False(AccessPolicy.CanEditOrganisation(member, [Someone]));
        Assert.False(AccessPolicy.CanEditOrganisation(member, []));
    }

    [Fact]
    public void Organisation_membership_compares_account_ids_exactly()
    {
        Assert.False(AccessPolicy.CanEditOrganisation(As(Role.Member), [Me.ToUpperInvariant()]));
    }

    [Fact]
    public void A_coach_edits_an_organisation_only_as_its_member()
    {
        var coach = As(Role.Coach);
        Assert.True(AccessPolicy.CanEditOrganisation(coach, [Me]));
        Assert.False(AccessPolicy.CanEditOrganisation(coach, [Someone]));
    }

    [Fact]
    public void An_admin_edits_every_organisation_and_every_project_and_manages_every_team()
    {
        var admin = As(Role.Admin);
        Assert.True(AccessPolicy.CanEditOrganisation(admin, []));
        Assert.True(AccessPolicy.CanEditOrganisation(admin, [Someone]));
        Assert.True(AccessPolicy.CanReadProject(admin, [Owner(Someone)]));
        Assert.True(AccessPolicy.CanEditProject(admin, [Owner(Someone)]));
        Assert.True(AccessPolicy.CanManageProject(admin, [Owner(Someone)]));
        Assert.True(AccessPolicy.CanSee(admin, [Someone]));
        Assert.True(AccessPolicy.CanSee(admin, []));
    }

    [Fact]
    public void System_acts_as_admin()
    {
        Assert.True(Caller.System.IsAdmin);
        Assert.True(AccessPolicy.CanEditProject(Caller.System, [Owner(Someone)]));
        Assert.True(AccessPolicy.CanEditOrganisation(Caller.System, []));
    }

    [Fact]
    public void RoleIn_finds_the_callers_role_or_null()
    {
        ProjectMember[] members = [Owner(Someone), new(Me, ProjectRole.Viewer, Since)];
        Assert.Equal(ProjectRole.Viewer, AccessPolicy.RoleIn(As(Role.Member), members));
        Assert.Null(AccessPolicy.RoleIn(As(Role.Member), [Owner(Someone)]));
    }

    [Fact]
    public void A_member_reads_only_the_projects_they_belong_to()
    {
        var member = As(Role.Member);
        Assert.False(member.SeesAllProjects);
        Assert.False(AccessPolicy.CanReadProject(member, [Owner(Someone)]));
        Assert.False(AccessPolicy.CanReadProject(member, []));
        Assert.All(Enum.GetValues<ProjectRole>(), role =>
            Assert.True(AccessPolicy.CanReadProject(member, [Owner(Someone), new(Me, role, Since)])));
    }

    [Theory]
    [InlineData(ProjectRole.Owner, true, true)]
    [InlineData(ProjectRole.Editor, true, false)]
    [InlineData(ProjectRole.Viewer, false, false)]
    public void A_members_project_role_decides_editing_and_managing(ProjectRole role, bool edits, bool manages)
    {
        ProjectMember[] members = [Owner(Someone), new(Me, role, Since)];
        Assert.Equal(edits, AccessPolicy.CanEditProject(As(Role.Member), members));
        Assert.Equal(manages, AccessPolicy.CanManageProject(As(Role.Member), members));
    }

    [Fact]
    public void A_member_outside_a_project_neither_edits_nor_manages_it()
    {
        Assert.False(AccessPolicy.CanEditProject(As(Role.Member), [Owner(Someone)]));
        Assert.False(AccessPolicy.CanManageProject(As(Role.Member), [Owner(Someone)]));
    }

    [Fact]
    public void A_coach_sees_every_project_but_cannot_edit_one_without_being_its_editor_or_owner()
    {
        var coach = As(Role.Coach);
        ProjectMember[] strangers = [Owner(Someone)];

        Assert.True(coach.SeesAllProjects);
        Assert.True(AccessPolicy.CanReadProject(coach, strangers));
        Assert.True(AccessPolicy.CanSee(coach, [Someone]));
        Assert.False(AccessPolicy.CanEditProject(coach, strangers));
        Assert.False(AccessPolicy.CanManageProject(coach, strangers));
        Assert.False(AccessPolicy.CanEditProject(coach, [.. strangers, new(Me, ProjectRole.Viewer, Since)]));
        Assert.True(AccessPolicy.CanEditProject(coach, [.. strangers, new(Me, ProjectRole.Editor, Since)]));
        Assert.False(AccessPolicy.CanManageProject(coach, [.. strangers, new(Me, ProjectRole.Editor, Since)]));
        Assert.True(AccessPolicy.CanManageProject(coach, [.. strangers, new(Me, ProjectRole.Owner, Since)]));
    }

    [Fact]
    public void Directory_entries_without_readers_are_seen_by_every_signed_in_account()
    {
        Assert.All(Enum.GetValues<Role>(), role => Assert.True(AccessPolicy.CanSee(As(role), null)));
    }

    [Fact]
    public void Directory_entries_with_readers_are_seen_by_those_readers_and_by_who_sees_every_project()
    {
        Assert.True(AccessPolicy.CanSee(As(Role.Member), [Someone, Me]));
        Assert.False(AccessPolicy.CanSee(As(Role.Member), [Someone]));
        Assert.False(AccessPolicy.CanSee(As(Role.Member), []));
        Assert.True(AccessPolicy.CanSee(As(Role.Coach), [Someone]));
        Assert.True(AccessPolicy.CanSee(As(Role.Partner), [Someone]));
        Assert.True(AccessPolicy.CanSee(As(Role.Admin), [Someone]));
    }

    [Fact]
    public void Require_throws_AccessDenied_with_the_message_only_when_not_allowed()
    {
        AccessPolicy.Require(true, "jamais");

        var error = Assert.Throws<AccessDeniedException>(() => AccessPolicy.Require(false, "Pas pour vous."));
        Assert.Equal(("Pas pour vous.", "forbidden"), (error.Message, error.Code));
        Assert.Equal("forbidden", Assert.Throws<AccessDeniedException>(() => AccessPolicy.Require(false)).Code);
    }

    private static Caller As(Role role) => new(Me, [role]);

    private static ProjectMember Owner(string userId) => new(userId, ProjectRole.Owner, Since);
}
