using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;

namespace Kaolack.Grains.Tests.Projects;

/// <summary>Who reads and who changes a joint project, decided by the project grain itself.</summary>
public sealed class ProjectAccessTests(ClusterFixture fixture) : GrainTests(fixture)
{
    private readonly string token = Samples.Token();
    private readonly Caller owner = Callers.Member("porteur");

    private string Slug => $"projet-{token}";

    private IJointProjectGrain Project => Client.GetGrain<IJointProjectGrain>(Slug);

    [Fact]
    public async Task The_creator_becomes_the_only_owner()
    {
        var created = await Project.Create(owner, Samples.Project());

        var member = Assert.Single(created.Members);
        Assert.Equal((owner.UserId, ProjectRole.Owner), (member.UserId, member.Role));
        Assert.InRange(member.Since, created.Meta.CreatedAt - TimeSpan.FromSeconds(1), created.Meta.CreatedAt);
        Assert.Equal(created.Members, (await Project.Get(owner))!.Members);
    }

    [Theory]
    [InlineData(Role.Partner)]
    [InlineData(Role.Partner, Role.Member)]
    public async Task A_partner_cannot_create_a_project(params Role[] roles)
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Create(Callers.With("partenaire", roles), Samples.Project()));

        Assert.Null(await Project.Get(Callers.Admin()));
    }

    [Fact]
    public async Task A_stranger_gets_AccessDenied_on_Get_Update_and_CatchUp_and_nothing_changes()
    {
        await Project.Create(owner, Samples.Project());
        var stranger = Callers.Member("etranger");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(stranger));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Update(stranger, Samples.Project("Détourné"), 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.CatchUp(stranger, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.CatchUp(stranger, 0));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.ChangeStatus(stranger, ProjectStatus.Cancelled, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.AddContribution(stranger, Contribution(), null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Invite(stranger, stranger.UserId, ProjectRole.Owner));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Delete(stranger, 1));

        var read = await Project.Get(owner);
        Assert.Equal((1L, Samples.Project().Title, ProjectStatus.Proposed), (read!.Meta.Version, read.Charter.Title, read.Status));
        Assert.Equal([owner.UserId], read.Members.Select(m => m.UserId));
        Assert.Equal(1, (await Project.CatchUp(owner, null)).Version);
    }

    [Fact]
    public async Task A_deleted_project_shows_a_stranger_nothing_and_one_who_sees_every_project_only_its_deletion()
    {
        await Project.Create(owner, Samples.Project("Projet confidentiel"));
        await Project.Update(owner, Samples.Project("Projet confidentiel, phase 2"), 1);
        await Project.Delete(owner, 2);
        var stranger = Callers.Member("etranger");
        var coach = Callers.Coach("coach-curieux");

        foreach (long? since in new long?[] { null, 0, 1, 2 })
        {
            // To a stranger, gone is as hidden (issue 20): refused alike.
            await Assert.ThrowsAsync<AccessDeniedException>(() => Project.CatchUp(stranger, since));
            var catchUp = await Project.CatchUp(coach, since);
            Assert.Equal(3, catchUp.Version);
            Assert.All(catchUp.Events, e => Assert.IsNotType<JointProject>(e.Data));
        }
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(stranger));
        Assert.Null(await Project.Get(coach));
    }

    [Fact]
    public async Task Whoever_creates_a_project_again_under_a_deleted_slug_does_not_catch_up_on_the_old_one()
    {
        await Project.Create(owner, Samples.Project("Projet confidentiel"));
        await Project.Delete(owner, 1);
        var newcomer = Callers.Member("nouveau");
        await Project.Create(newcomer, Samples.Project("Nouveau projet"));

        var catchUp = await Project.CatchUp(newcomer, 0);

        Assert.Equal(3, catchUp.Version);
        Assert.DoesNotContain(catchUp.Events, e => e.Data is JointProject { Charter.Title: "Projet confidentiel" });
        Assert.Equal("Nouveau projet", Assert.IsType<JointProject>(catchUp.Events[^1].Data).Charter.Title);
    }

    [Fact]
    public async Task A_project_that_does_not_exist_reveals_only_its_absence_and_only_to_one_who_sees_every_project()
    {
        Assert.Null(await Project.Get(Callers.Partner("curieux")));
        // A member cannot tell it from a project they may not see (issue 20: 403 for one, 404 for the other told which slugs exist).
        var missing = await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(Callers.Member("curieux")));
        await Project.Create(owner, Samples.Project("Projet d'un autre"));
        var hidden = await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(Callers.Member("curieux")));
        Assert.Equal(hidden.Message, missing.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(Callers.With("sans-role")));
    }

    [Fact]
    public async Task A_viewer_reads_and_catches_up_but_cannot_edit()
    {
        await Project.Create(owner, Samples.Project());
        var viewer = await Join(Callers.Member("lecteur"), ProjectRole.Viewer);

        var read = await Project.Get(viewer);
        var catchUp = await Project.CatchUp(viewer, null);

        Assert.Equal(3, read!.Meta.Version);
        Assert.Contains(read.Members, m => m.UserId == viewer.UserId && m.Role == ProjectRole.Viewer);
        Assert.Equal((3L, ChangeKind.Snapshot), (catchUp.Version, Assert.Single(catchUp.Events).Change));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Update(viewer, Samples.Project("Lecture seule ?"), 3));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.ChangeStatus(viewer, ProjectStatus.Cancelled, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.AddContribution(viewer, Contribution(), null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Invite(viewer, Callers.NewId(), ProjectRole.Viewer));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Delete(viewer, 3));
        var after = await Project.Get(owner);
        Assert.Equal((3L, Samples.Project().Title), (after!.Meta.Version, after.Charter.Title));
        Assert.Empty(after.Contributions);
    }

    [Fact]
    public async Task An_editor_edits_but_cannot_invite_or_manage_the_team()
    {
        await Project.Create(owner, Samples.Project());
        var editor = await Join(Callers.Member("editeur"), ProjectRole.Editor);

        var updated = await Project.Update(editor, Samples.Project("Puits solaires, phase 2"), 3);
        var contributed = await Project.AddContribution(editor, Contribution(), 4);

        Assert.Equal((4L, "Puits solaires, phase 2"), (updated.Meta.Version, updated.Charter.Title));
        Assert.Equal((5L, 1), (contributed.Meta.Version, contributed.Contributions.Length));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Invite(editor, Callers.NewId(), ProjectRole.Viewer));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.ChangeMemberRole(editor, editor.UserId, ProjectRole.Owner));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.RemoveMember(editor, owner.UserId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Delete(editor, 5));
        var after = await Project.Get(owner);
        Assert.Equal(5, after!.Meta.Version);
        Assert.Equal([(owner.UserId, ProjectRole.Owner), (editor.UserId, ProjectRole.Editor)], after.Members.Select(m => (m.UserId, m.Role)));
    }

    [Fact]
    public async Task An_owner_invites_and_the_invited_account_accepts_and_becomes_editor()
    {
        await Project.Create(owner, Samples.Project());
        var invited = Callers.Member("invitee");

        var ticket = await Project.Invite(owner, $" {invited.UserId.ToUpperInvariant()} ", ProjectRole.Editor);

        Assert.StartsWith($"{Slug}.", ticket.Token, StringComparison.Ordinal);
        Assert.Equal((invited.UserId, ProjectRole.Editor), (ticket.Email, ticket.Role));
        Assert.Equal(
            new InvitationDetails(Slug, Samples.Project().Title, invited.UserId, ProjectRole.Editor, ticket.ExpiresAt),
            await Project.DescribeInvitation(ticket.Token));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(invited));

        var joined = await Project.AcceptInvitation(invited, ticket.Token);

        Assert.Equal([(owner.UserId, ProjectRole.Owner), (invited.UserId, ProjectRole.Editor)], joined.Members.Select(m => (m.UserId, m.Role)));
        Assert.Equal((3L, "member-joined"), (joined.Meta.Version, joined.Activity[^1].Kind));
        var edited = await Project.Update(invited, Samples.Project("Édité par l'invitée"), 3);
        Assert.Equal("Édité par l'invitée", edited.Charter.Title);
    }

    [Fact]
    public async Task An_invitation_is_single_use()
    {
        await Project.Create(owner, Samples.Project());
        var invited = Callers.Member("invitee");
        var ticket = await Project.Invite(owner, invited.UserId, ProjectRole.Viewer);
        await Project.AcceptInvitation(invited, ticket.Token);

        var reused = await Assert.ThrowsAsync<InvitationGoneException>(() => Project.AcceptInvitation(invited, ticket.Token));
        var described = await Assert.ThrowsAsync<InvitationGoneException>(() => Project.DescribeInvitation(ticket.Token));

        Assert.Equal((false, "invitation-used"), (reused.Expired, reused.Code));
        Assert.False(described.Expired);
        Assert.Equal(3, (await Project.Get(owner))!.Meta.Version);
    }

    [Fact]
    public async Task Accepting_with_another_account_is_denied_and_the_invitation_stays_usable()
    {
        await Project.Create(owner, Samples.Project());
        var invited = Callers.Member("invitee");
        var ticket = await Project.Invite(owner, invited.UserId, ProjectRole.Editor);
        var intruder = Callers.Member("intrus");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.AcceptInvitation(intruder, ticket.Token));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(intruder));
        var joined = await Project.AcceptInvitation(invited, ticket.Token);
        Assert.DoesNotContain(joined.Members, m => m.UserId == intruder.UserId);
        Assert.Contains(joined.Members, m => m.UserId == invited.UserId && m.Role == ProjectRole.Editor);
    }

    [Fact]
    public async Task A_token_for_another_project_or_a_made_up_one_is_not_found()
    {
        await Project.Create(owner, Samples.Project());
        var other = Client.GetGrain<IJointProjectGrain>($"autre-{token}");
        await other.Create(owner, Samples.Project("Autre projet"));
        var invited = Callers.Member("invitee");
        var ticketForOther = await other.Invite(owner, invited.UserId, ProjectRole.Editor);

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Project.AcceptInvitation(invited, ticketForOther.Token));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Project.AcceptInvitation(invited, $"{Slug}.invente"));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Project.DescribeInvitation("n-importe-quoi"));

        Assert.Equal([owner.UserId], (await Project.Get(owner))!.Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task The_last_owner_can_neither_leave_nor_step_down_but_can_hand_over_first()
    {
        await Project.Create(owner, Samples.Project());
        var successor = await Join(Callers.Member("successeur"), ProjectRole.Editor);

        var leave = await Assert.ThrowsAsync<RuleViolationException>(() => Project.RemoveMember(owner, owner.UserId));
        var stepDown = await Assert.ThrowsAsync<RuleViolationException>(() => Project.ChangeMemberRole(owner, owner.UserId, ProjectRole.Editor));
        Assert.Equal(("last-owner", "last-owner"), (leave.Rule, stepDown.Rule));

        await Project.ChangeMemberRole(owner, successor.UserId, ProjectRole.Owner);
        var handedOver = await Project.RemoveMember(owner, owner.UserId);

        Assert.Equal([(successor.UserId, ProjectRole.Owner)], handedOver.Members.Select(m => (m.UserId, m.Role)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(owner));
    }

    [Fact]
    public async Task A_member_may_leave_and_then_no_longer_reads_the_project()
    {
        await Project.Create(owner, Samples.Project());
        var viewer = await Join(Callers.Member("lecteur"), ProjectRole.Viewer);

        var left = await Project.RemoveMember(viewer, viewer.UserId);

        Assert.Equal([owner.UserId], left.Members.Select(m => m.UserId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Get(viewer));
    }

    [Fact]
    public async Task A_coach_and_a_partner_read_every_project_but_cannot_edit_it()
    {
        await Project.Create(owner, Samples.Project());

        foreach (var reader in new[] { Callers.Coach(), Callers.Partner(), Callers.With("partenaire-membre", Role.Partner, Role.Member) })
        {
            Assert.Equal(1, (await Project.Get(reader))!.Meta.Version);
            Assert.Equal(1, (await Project.CatchUp(reader, null)).Version);
            await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Update(reader, Samples.Project("Pas à moi"), 1));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Project.Invite(reader, reader.UserId, ProjectRole.Owner));
        }

        Assert.Equal(1, (await Project.Get(owner))!.Meta.Version);
    }

    [Fact]
    public async Task A_coach_who_joins_as_editor_edits()
    {
        await Project.Create(owner, Samples.Project());
        var coach = await Join(Callers.Coach(), ProjectRole.Editor);

        var updated = await Project.Update(coach, Samples.Project("Revu par le coach"), 3);

        Assert.Equal("Revu par le coach", updated.Charter.Title);
    }

    [Fact]
    public async Task An_admin_edits_and_manages_a_project_they_do_not_belong_to()
    {
        await Project.Create(owner, Samples.Project());
        var admin = Callers.Admin();

        var updated = await Project.Update(admin, Samples.Project("Corrigé par l'administration"), 1);
        var ticket = await Project.Invite(admin, Callers.NewId(), ProjectRole.Viewer);

        Assert.Equal((2L, "Corrigé par l'administration"), (updated.Meta.Version, updated.Charter.Title));
        Assert.Equal(ProjectRole.Viewer, ticket.Role);
        await Project.Delete(admin, 3);
        Assert.Null(await Project.Get(admin));
    }

    [Fact]
    public async Task Directory_search_lists_a_project_to_its_members_and_to_partners_coaches_and_admins_only()
    {
        await Project.Create(owner, Samples.Project());
        var viewer = await Join(Callers.Member("lecteur"), ProjectRole.Viewer);
        var directory = Client.GetGrain<IDirectoryGrain>(EntityKind.Project.Plural());
        var query = new DirectoryQuery { Text = token };

        Assert.Equal(0, (await directory.Search(Callers.Member("etranger"), query)).Total);
        foreach (var reader in new[] { owner, viewer, Callers.Partner(), Callers.Coach(), Callers.Admin() })
        {
            var entry = Assert.Single((await directory.Search(reader, query)).Items);
            Assert.Equal((Slug, 3L), (entry.Slug, entry.Version));
        }
        await Assert.ThrowsAsync<AccessDeniedException>(() => directory.Search(Callers.With("sans-role"), query));
    }

    [Fact]
    public async Task A_directory_snapshot_holds_a_project_for_a_partner_and_not_for_a_stranger()
    {
        await Project.Create(owner, Samples.Project());
        var directory = Client.GetGrain<IDirectoryGrain>(EntityKind.Project.Plural());

        var forStranger = await directory.CatchUp(Callers.Member("etranger"), null);
        var forPartner = await directory.CatchUp(Callers.Partner(), null);

        Assert.DoesNotContain(Entries(forStranger), e => e.Slug == Slug);
        Assert.Contains(Entries(forPartner), e => e.Slug == Slug);
    }

    /// <summary>The owner invites the caller with this role and the caller accepts (two versions).</summary>
    private async Task<Caller> Join(Caller caller, ProjectRole role)
    {
        var ticket = await Project.Invite(owner, caller.UserId, role);
        await Project.AcceptInvitation(caller, ticket.Token);
        return caller;
    }

    private static DirectoryEntry[] Entries(CatchUp catchUp) =>
        Assert.IsType<DirectorySnapshot>(Assert.Single(catchUp.Events).Data).Entries;

    private static ContributionInput Contribution() => new()
    {
        From = "Mairie de Kaolack",
        Amount = new Money(250_000m, Currency.Xof),
        ReceivedOn = new DateOnly(2025, 3, 1),
    };
}
