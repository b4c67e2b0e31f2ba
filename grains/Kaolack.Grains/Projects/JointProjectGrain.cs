using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Suggestions;
using Kaolack.Grains.Accounts;
using Kaolack.Grains.Common;
using Kaolack.Grains.Directory;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Grains.Projects;

public sealed class JointProjectGrain(
    [PersistentState("project", StorageNames.Entities)] IPersistentState<EntityState<ProjectData>> store,
    TimeProvider clock,
    IOptions<InvitationOptions> invitationOptions,
    ILogger<JointProjectGrain> logger)
    : EntityGrain<ProjectData>(store, clock, logger), IJointProjectGrain
{
    private const string NoEditRight = "Seuls les propriétaires et éditeurs du projet peuvent le modifier.";
    private const string NoManageRight = "Seuls les propriétaires du projet peuvent gérer son équipe.";

    protected override EntityKind Kind => EntityKind.Project;

    protected override string DisplayName => "Le projet";

    private long NextVersion => Version + 1;

    private DateTimeOffset Now => Clock.GetUtcNow();

    public Task<JointProject?> Get(Caller caller)
    {
        RequireRead(caller);
        return Task.FromResult(Current is null ? null : Wrap(Current, Meta));
    }

    public Task<PlanAccess> GetPlanAccess(Caller caller)
    {
        RequireRead(caller);
        return Task.FromResult(new PlanAccess(AccessPolicy.CanEditProject(caller, RequireCurrent().Members), MayCache: true));
    }

    /// <summary>The plan feeds the project's dashboard summary (one-way: a derived view never delays the plan).</summary>
    public Task PlanCommitted(PlanFacts facts) => GrainFactory.GetGrain<IProjectSummaryGrain>(this.GetPrimaryKeyString()).OnPlan(facts);

    public async Task<JointProject> Create(Caller caller, ProjectCharter charter)
    {
        AccessPolicy.Require(AccessPolicy.CanCreate(caller), "Votre rôle ne permet pas de proposer de projet.");
        RequireAbsent();
        var accepted = Accept(charter);
        return await Apply(ProjectRules.Create(accepted, caller.UserId, NextVersion, Now), ChangeKind.Created);
    }

    public async Task<JointProject> Update(Caller caller, ProjectCharter charter, long expectedVersion)
    {
        var current = Require(caller, AccessPolicy.CanEditProject, NoEditRight);
        CheckVersion(expectedVersion);
        var accepted = Accept(charter);
        return await Apply(ProjectRules.UpdateCharter(current, accepted, NextVersion, Now), ChangeKind.Updated);
    }

    public async Task<JointProject> ChangeStatus(Caller caller, ProjectStatus status, long? expectedVersion)
    {
        var current = Require(caller, AccessPolicy.CanEditProject, NoEditRight);
        CheckVersion(expectedVersion);
        return await Apply(ProjectRules.ChangeStatus(current, status, NextVersion, Now), ChangeKind.Updated);
    }

    public async Task<JointProject> AddPartner(Caller caller, PartnerRef partner, long? expectedVersion)
    {
        var current = Require(caller, AccessPolicy.CanEditProject, NoEditRight);
        CheckVersion(expectedVersion);
        var info = await FindPartner(partner);
        return await Apply(ProjectRules.AddPartner(current, info, NextVersion, Now), ChangeKind.Updated);
    }

    public async Task<JointProject> RemovePartner(Caller caller, PartnerRef partner, long? expectedVersion)
    {
        var current = Require(caller, AccessPolicy.CanEditProject, NoEditRight);
        CheckVersion(expectedVersion);
        return await Apply(ProjectRules.RemovePartner(current, partner, NextVersion, Now), ChangeKind.Updated);
    }

    public async Task<JointProject> AddContribution(Caller caller, ContributionInput contribution, long? expectedVersion)
    {
        var current = Require(caller, AccessPolicy.CanEditProject, NoEditRight);
        CheckVersion(expectedVersion);
        var accepted = ProjectRules.Normalize(contribution);
        ProjectRules.Validate(accepted, Today);
        return await Apply(ProjectRules.AddContribution(current, accepted, NextVersion, Now), ChangeKind.Updated);
    }

    public async Task Delete(Caller caller, long expectedVersion)
    {
        var current = Require(caller, AccessPolicy.CanManageProject, "Seuls les propriétaires du projet peuvent le supprimer.");
        CheckVersion(expectedVersion);
        await Commit(null, ChangeKind.Deleted);
        await TellPlanAccessChanged(current, null);
    }

    public async Task<InvitationTicket> Invite(Caller caller, string email, ProjectRole role)
    {
        var current = Require(caller, AccessPolicy.CanManageProject, NoManageRight);
        var secret = Secrets.New();
        var invited = AccountRules.NormalizeEmail(email);
        var next = ProjectRules.Invite(current, invited, role, Secrets.Hash(secret), NextVersion, Now, invitationOptions.Value.Lifetime);
        await Commit(next, ChangeKind.Updated);
        return new InvitationTicket($"{Slug}.{secret}", invited, role, next.Invitations[^1].ExpiresAt);
    }

    public Task<InvitationDetails> DescribeInvitation(string token)
    {
        var current = InvitingProject();
        var invitation = ProjectRules.FindUsableInvitation(current, Secrets.Hash(SecretOf(token)), Now);
        return Task.FromResult(new InvitationDetails(Slug, current.Charter.Title, invitation.Email, invitation.Role, invitation.ExpiresAt));
    }

    public async Task<JointProject> AcceptInvitation(Caller caller, string token)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = InvitingProject();
        var invitation = ProjectRules.FindUsableInvitation(current, Secrets.Hash(SecretOf(token)), Now);
        return await Apply(ProjectRules.AcceptInvitation(current, invitation, caller.UserId, NextVersion, Now), ChangeKind.Updated);
    }

    public async Task<JointProject> ChangeMemberRole(Caller caller, string userId, ProjectRole role)
    {
        var current = Require(caller, AccessPolicy.CanManageProject, NoManageRight);
        return await Apply(ProjectRules.ChangeMemberRole(current, AccountRules.NormalizeEmail(userId), role, NextVersion, Now), ChangeKind.Updated);
    }

    public async Task<TeamView> GetTeam(Caller caller)
    {
        var current = Require(caller, AccessPolicy.CanReadProject, "Vous n'avez pas accès à ce projet.");
        var accounts = (await GrainFactory.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key)
                .Lookup([.. current.Members.Select(m => m.UserId)]))
            .ToDictionary(a => a.Email, StringComparer.Ordinal);
        var members = current.Members.Select(m => accounts.TryGetValue(m.UserId, out var account)
            ? new TeamMember(m.UserId, account.DisplayName, account.Organisation, account.Region, m.Role, m.Since)
            : new TeamMember(m.UserId, "", "", null, m.Role, m.Since));
        var invitations = AccessPolicy.CanManageProject(caller, current.Members) ? ProjectRules.PendingInvitations(current, Now) : [];
        return new TeamView([.. members], invitations);
    }

    public async Task<JointProject> RevokeInvitation(Caller caller, string invitationId)
    {
        var current = Require(caller, AccessPolicy.CanManageProject, NoManageRight);
        return await Apply(ProjectRules.RevokeInvitation(current, invitationId ?? "", NextVersion, Now), ChangeKind.Updated);
    }

    public async Task<JointProject> RemoveMember(Caller caller, string userId)
    {
        var member = AccountRules.NormalizeEmail(userId);
        var current = member == caller.UserId
            ? Require(caller, AccessPolicy.CanReadProject, "Vous n'avez pas accès à ce projet.")
            : Require(caller, AccessPolicy.CanManageProject, NoManageRight);
        return await Apply(ProjectRules.RemoveMember(current, member, NextVersion, Now), ChangeKind.Updated);
    }

    public async Task<PartnerSuggestionList> SuggestPartners(Caller caller, int limit)
    {
        var current = Require(caller, AccessPolicy.CanReadProject, "Vous n'avez pas accès à ce projet.");
        PartnerSuggestions.ValidateLimit(limit);
        var cooperativeSlugs = current.Partners.Where(p => p.Kind == EntityKind.Cooperative).Select(p => p.Slug).ToArray();
        var partnerCooperatives = cooperativeSlugs.Length == 0
            ? []
            : await GrainFactory.GetGrain<IDirectoryGrain>(EntityKind.Cooperative.Plural()).Lookup(caller, cooperativeSlugs);
        var request = PartnerSuggestions.ForProject(Slug, current, partnerCooperatives, limit);
        return await SuggestionDirectories.Suggest(GrainFactory, caller, request);
    }

    public async Task RecordWorkshop(Caller caller, string text)
    {
        var current = Require(caller, (who, _) => who.MayWrite, "Votre rôle ne permet pas d'écrire dans ce projet.");
        await Apply(ProjectRules.RecordWorkshop(current, text, NextVersion, Now), ChangeKind.Updated);
    }

    protected override object View(ProjectData value, EntityMeta meta) => Wrap(value, meta);

    protected override void PublishToDashboards() =>
        _ = GrainFactory.GetGrain<IProjectSummaryGrain>(Slug).OnProject(Current is null ? null : Wrap(Current, Meta));

    protected override DirectoryEntry ToDirectoryEntry(ProjectData value, EntityMeta meta) =>
        ProjectRules.ToDirectoryEntry(value, meta);

    protected override bool CanRead(Caller caller, ProjectData value) => AccessPolicy.CanReadProject(caller, value.Members);

    protected override void RequireRead(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.RequireProjectVisible(caller, Current?.Members);
    }

    private static JointProject Wrap(ProjectData data, EntityMeta meta) =>
        new(meta, data.Charter, data.Status, data.Partners, data.Contributions, data.Activity, data.Members);

    private static ProjectCharter Accept(ProjectCharter charter)
    {
        var normalized = ProjectRules.Normalize(charter);
        ProjectRules.Validate(normalized);
        return normalized;
    }

    /// <summary>The secret part of "{slug}.{secret}"; a token for another project matches nothing here.</summary>
    private string SecretOf(string? token)
    {
        var prefix = Slug + ".";
        return token is not null && token.StartsWith(prefix, StringComparison.Ordinal) && token.Length > prefix.Length && token.Length < 200
            ? token[prefix.Length..]
            : throw new EntityNotFoundException("L'invitation");
    }

    /// <summary>A project the caller may not read answers as one that does not exist (<see cref="RequireRead"/>), then the rule.</summary>
    private ProjectData Require(Caller caller, Func<Caller, IEnumerable<ProjectMember>, bool> rule, string message)
    {
        RequireRead(caller);
        var current = RequireCurrent();
        AccessPolicy.Require(rule(caller, current.Members), message);
        return current;
    }

    /// <summary>An invitation to a project that is gone is as unknown as a wrong secret: the token's slug tells nothing.</summary>
    private ProjectData InvitingProject() => Current ?? throw new EntityNotFoundException("L'invitation");

    /// <summary>Commits <paramref name="next"/>; null means the operation changed nothing, so no version is spent.</summary>
    private async Task<JointProject> Apply(ProjectData? next, ChangeKind change)
    {
        if (next is not null)
        {
            var before = Current;
            await Commit(next, change);
            await TellPlanAccessChanged(before, next);
        }
        return Wrap(Current!, Meta);
    }

    /// <summary>
    /// When the members changed, the plan forgets who it let in and its live relays check their followers again, before
    /// the change is answered: a removed member's next edit is refused and deliveries to them stop. The change is durable
    /// already; a plan that cannot be told keeps its answers at most <c>PlanAccessCache.CacheTime</c> longer.
    /// </summary>
    /// <remarks>A new project has nothing to tell: its deletion, if it existed before, told already.</remarks>
    private async Task TellPlanAccessChanged(ProjectData? before, ProjectData? after)
    {
        if (before is null || (after is not null && before.Members.SequenceEqual(after.Members)))
        {
            return;
        }
        try
        {
            await GrainFactory.GetGrain<IPlanDocumentGrain>(PlanKey.ForProject(Slug).ToString()).AccessChanged();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogWarning(exception, "The plan of project {Slug} could not be told that its members changed", Slug);
        }
    }

    private async Task<PartnerInfo> FindPartner(PartnerRef partner)
    {
        var grain = (partner is null ? null : GrainFactory.Partner(partner.Kind, partner.Slug))
            ?? throw new ValidationFailedException("kind", "Un partenaire est une coopérative, un groupe de la diaspora ou une organisation.");
        if (!Contracts.Common.Slug.IsValid(partner!.Slug))
        {
            throw new ValidationFailedException("slug", "Identifiant invalide.");
        }
        return await grain.GetPartnerInfo()
            ?? throw new ValidationFailedException("slug", $"Aucune organisation « {partner.Slug} » de ce type.");
    }
}
