using Kaolack.Grains.Projects;

namespace Kaolack.Grains.Tests.Projects;

/// <summary>Project teams: invitations, accepting them, roles and the last-owner rule.</summary>
public sealed class ProjectMembershipRulesTests
{
    private const string Owner = "porteur@kaolack.test";
    private const string Invited = "invitee@kaolack.test";
    private const string Hash = "HASH-1";
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Invite_adds_a_pending_invitation_for_seven_days_and_logs_it()
    {
        var data = ProjectRules.Invite(Created(), Invited, ProjectRole.Editor, Hash, 2, Now);

        var invitation = Assert.Single(data.Invitations);
        Assert.Equal(new ProjectInvitation(Hash, Invited, ProjectRole.Editor, Now + TimeSpan.FromDays(7), null), invitation);
        Assert.Equal(ProjectRules.InvitationLifetime, invitation.ExpiresAt - Now);
        Assert.Equal((2L, "member-invited"), (data.Activity[^1].Version, data.Activity[^1].Kind));
        Assert.Contains(Invited, data.Activity[^1].Text, StringComparison.Ordinal);
        Assert.Equal([Owner], data.Members.Select(m => m.UserId));
    }

    [Theory]
    [InlineData("", "email")]
    [InlineData("pas-une-adresse", "email")]
    [InlineData("awa@localhost", "email")]
    public void Invite_refuses_an_address_that_is_not_an_email(string email, string field)
    {
        var error = Assert.Throws<ValidationFailedException>(() => ProjectRules.Invite(Created(), email, ProjectRole.Viewer, Hash, 2, Now));
        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public void Invite_refuses_an_unknown_role_and_reports_every_broken_field()
    {
        var role = Assert.Throws<ValidationFailedException>(() => ProjectRules.Invite(Created(), Invited, (ProjectRole)42, Hash, 2, Now));
        var both = Assert.Throws<ValidationFailedException>(() => ProjectRules.Invite(Created(), "", (ProjectRole)42, Hash, 2, Now));

        Assert.Equal(["role"], role.Errors.Keys);
        Assert.Equal(["email", "role"], both.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Invite_refuses_more_pending_invitations_than_the_limit()
    {
        var data = Created() with
        {
            Invitations = [.. Enumerable.Range(0, ProjectRules.PendingInvitationLimit)
                .Select(i => new ProjectInvitation($"h{i}", $"p{i}@kaolack.test", ProjectRole.Viewer, Now.AddDays(1), null))],
        };

        var error = Assert.Throws<RuleViolationException>(() => ProjectRules.Invite(data, Invited, ProjectRole.Viewer, Hash, 2, Now));

        Assert.Equal("invitation-limit", error.Rule);
    }

    [Fact]
    public void Invite_forgets_spent_and_expired_invitations_older_than_a_month_and_keeps_recent_ones()
    {
        var oldUsed = new ProjectInvitation("old-used", "a@kaolack.test", ProjectRole.Viewer, Now.AddDays(-40), Now.AddDays(-45));
        var oldExpired = new ProjectInvitation("old-expired", "b@kaolack.test", ProjectRole.Viewer, Now.AddDays(-31), null);
        var recentUsed = new ProjectInvitation("recent-used", "c@kaolack.test", ProjectRole.Viewer, Now.AddDays(2), Now.AddDays(-1));
        var recentExpired = new ProjectInvitation("recent-expired", "d@kaolack.test", ProjectRole.Viewer, Now.AddDays(-3), null);
        var data = Created() with { Invitations = [oldUsed, oldExpired, recentUsed, recentExpired] };

        var next = ProjectRules.Invite(data, Invited, ProjectRole.Viewer, Hash, 2, Now);

        Assert.Equal(["recent-used", "recent-expired", Hash], next.Invitations.Select(i => i.SecretHash));
    }

    [Fact]
    public void FindUsableInvitation_returns_a_pending_invitation_until_it_expires()
    {
        var data = Invite(Created(), ProjectRole.Editor);

        var found = ProjectRules.FindUsableInvitation(data, Hash, Now + ProjectRules.InvitationLifetime - TimeSpan.FromSeconds(1));

        Assert.Equal((Invited, ProjectRole.Editor), (found.Email, found.Role));
    }

    [Fact]
    public void FindUsableInvitation_of_an_unknown_secret_is_not_found()
    {
        var data = Invite(Created(), ProjectRole.Editor);
        Assert.Throws<EntityNotFoundException>(() => ProjectRules.FindUsableInvitation(data, "AUTRE", Now));
    }

    [Fact]
    public void An_expired_invitation_is_gone_as_expired()
    {
        var data = Invite(Created(), ProjectRole.Editor);

        var error = Assert.Throws<InvitationGoneException>(() =>
            ProjectRules.FindUsableInvitation(data, Hash, Now + ProjectRules.InvitationLifetime));

        Assert.True(error.Expired);
        Assert.Equal("invitation-expired", error.Code);
    }

    [Fact]
    public void A_used_invitation_is_gone_as_used_and_cannot_be_accepted_again()
    {
        var data = Invite(Created(), ProjectRole.Editor);
        var accepted = ProjectRules.AcceptInvitation(data, ProjectRules.FindUsableInvitation(data, Hash, Now), Invited, 3, Now);

        var error = Assert.Throws<InvitationGoneException>(() => ProjectRules.FindUsableInvitation(accepted, Hash, Now.AddMinutes(1)));

        Assert.False(error.Expired);
        Assert.Equal("invitation-used", error.Code);
    }

    [Fact]
    public void A_used_invitation_stays_used_after_it_would_have_expired()
    {
        var data = Invite(Created(), ProjectRole.Editor);
        var accepted = ProjectRules.AcceptInvitation(data, ProjectRules.FindUsableInvitation(data, Hash, Now), Invited, 3, Now);

        var error = Assert.Throws<InvitationGoneException>(() =>
            ProjectRules.FindUsableInvitation(accepted, Hash, Now + ProjectRules.InvitationLifetime + TimeSpan.FromDays(1)));

        Assert.False(error.Expired);
    }

    [Fact]
    public void Accepting_makes_the_invited_account_a_member_with_the_invited_role_and_spends_the_invitation()
    {
        var data = Invite(Created(), ProjectRole.Editor);
        var later = Now.AddHours(2);

        var accepted = ProjectRules.AcceptInvitation(data, ProjectRules.FindUsableInvitation(data, Hash, later), Invited, 3, later);

        Assert.Equal(
            [new ProjectMember(Owner, ProjectRole.Owner, Now), new ProjectMember(Invited, ProjectRole.Editor, later)],
            accepted.Members);
        Assert.Equal(later, Assert.Single(accepted.Invitations).UsedAt);
        Assert.Equal((3L, "member-joined"), (accepted.Activity[^1].Version, accepted.Activity[^1].Kind));
    }

    [Fact]
    public void Accepting_with_another_account_than_the_invited_one_is_denied()
    {
        var data = Invite(Created(), ProjectRole.Editor);
        var invitation = ProjectRules.FindUsableInvitation(data, Hash, Now);

        Assert.Throws<AccessDeniedException>(() => ProjectRules.AcceptInvitation(data, invitation, "intrus@kaolack.test", 3, Now));
        Assert.Throws<AccessDeniedException>(() => ProjectRules.AcceptInvitation(data, invitation, Owner, 3, Now));
    }

    [Fact]
    public void Accepting_keeps_an_owner_owner_and_their_first_date()
    {
        var data = ProjectRules.Invite(Created(), Owner, ProjectRole.Viewer, Hash, 2, Now);
        var later = Now.AddDays(1);

        var accepted = ProjectRules.AcceptInvitation(data, ProjectRules.FindUsableInvitation(data, Hash, later), Owner, 3, later);

        Assert.Equal([new ProjectMember(Owner, ProjectRole.Owner, Now)], accepted.Members);
        Assert.NotNull(Assert.Single(accepted.Invitations).UsedAt);
    }

    [Fact]
    public void Accepting_as_an_existing_member_takes_the_invited_role_without_a_second_membership()
    {
        var data = Join(Created(), Invited, ProjectRole.Viewer);
        data = ProjectRules.Invite(data, Invited, ProjectRole.Editor, "HASH-2", 4, Now);

        var accepted = ProjectRules.AcceptInvitation(data, ProjectRules.FindUsableInvitation(data, "HASH-2", Now), Invited, 5, Now);

        Assert.Equal([(Owner, ProjectRole.Owner), (Invited, ProjectRole.Editor)], accepted.Members.Select(m => (m.UserId, m.Role)));
    }

    [Fact]
    public void The_last_owner_cannot_be_demoted()
    {
        var data = Join(Created(), Invited, ProjectRole.Editor);

        foreach (var role in new[] { ProjectRole.Editor, ProjectRole.Viewer })
        {
            var error = Assert.Throws<RuleViolationException>(() => ProjectRules.ChangeMemberRole(data, Owner, role, 9, Now));
            Assert.Equal("last-owner", error.Rule);
        }
    }

    [Fact]
    public void The_last_owner_cannot_be_removed()
    {
        var data = Join(Created(), Invited, ProjectRole.Editor);

        var error = Assert.Throws<RuleViolationException>(() => ProjectRules.RemoveMember(data, Owner, 9, Now));

        Assert.Equal("last-owner", error.Rule);
    }

    [Fact]
    public void An_owner_can_be_demoted_or_removed_once_another_owner_exists()
    {
        var data = ProjectRules.ChangeMemberRole(Join(Created(), Invited, ProjectRole.Editor), Invited, ProjectRole.Owner, 4, Now);

        var demoted = ProjectRules.ChangeMemberRole(data, Owner, ProjectRole.Viewer, 5, Now);
        var removed = ProjectRules.RemoveMember(data, Owner, 5, Now);

        Assert.Equal([(Owner, ProjectRole.Viewer), (Invited, ProjectRole.Owner)], demoted.Members.Select(m => (m.UserId, m.Role)));
        Assert.Equal([(Invited, ProjectRole.Owner)], removed.Members.Select(m => (m.UserId, m.Role)));
        Assert.Equal(("member-role-changed", "member-removed"), (demoted.Activity[^1].Kind, removed.Activity[^1].Kind));
    }

    [Fact]
    public void The_last_owner_may_stay_owner()
    {
        var data = ProjectRules.ChangeMemberRole(Created(), Owner, ProjectRole.Owner, 2, Now);
        Assert.Equal([(Owner, ProjectRole.Owner)], data.Members.Select(m => (m.UserId, m.Role)));
    }

    [Fact]
    public void Editors_and_viewers_can_be_removed()
    {
        var data = Join(Join(Created(), Invited, ProjectRole.Editor), "lecteur@kaolack.test", ProjectRole.Viewer);

        var next = ProjectRules.RemoveMember(ProjectRules.RemoveMember(data, Invited, 9, Now), "lecteur@kaolack.test", 10, Now);

        Assert.Equal([Owner], next.Members.Select(m => m.UserId));
    }

    [Fact]
    public void Changing_the_role_of_or_removing_someone_outside_the_team_is_not_found()
    {
        Assert.Throws<EntityNotFoundException>(() => ProjectRules.ChangeMemberRole(Created(), Invited, ProjectRole.Viewer, 2, Now));
        Assert.Throws<EntityNotFoundException>(() => ProjectRules.RemoveMember(Created(), Invited, 2, Now));
    }

    [Fact]
    public void Changing_to_an_unknown_role_is_refused()
    {
        var data = Join(Created(), Invited, ProjectRole.Editor);
        var error = Assert.Throws<ValidationFailedException>(() => ProjectRules.ChangeMemberRole(data, Invited, (ProjectRole)42, 9, Now));
        Assert.Equal(["role"], error.Errors.Keys);
    }

    private static ProjectData Created() => ProjectRules.Create(Samples.Project(), Owner, 1, Now);

    private static ProjectData Invite(ProjectData data, ProjectRole role) => ProjectRules.Invite(data, Invited, role, Hash, 2, Now);

    /// <summary>Invites the account and has it accept.</summary>
    private static ProjectData Join(ProjectData data, string userId, ProjectRole role)
    {
        var hash = $"join-{userId}";
        var invited = ProjectRules.Invite(data, userId, role, hash, 2, Now);
        return ProjectRules.AcceptInvitation(invited, ProjectRules.FindUsableInvitation(invited, hash, Now), userId, 3, Now);
    }
}
