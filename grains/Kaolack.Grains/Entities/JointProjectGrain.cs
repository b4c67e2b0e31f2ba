using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Domain;
using Kaolack.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kaolack.Grains.Entities;

public sealed class JointProjectGrain(
    [PersistentState("project", StorageNames.Entities)] IPersistentState<EntityState<ProjectData>> store,
    TimeProvider clock,
    ILogger<JointProjectGrain> logger)
    : EntityGrain<ProjectData>(store, clock, logger), IJointProjectGrain
{
    protected override EntityKind Kind => EntityKind.Project;

    protected override string DisplayName => "Le projet";

    private long NextVersion => Version + 1;

    public Task<JointProject?> Get() => Task.FromResult(Current is null ? null : Wrap(Current, Meta));

    public async Task<JointProject> Create(ProjectCharter charter)
    {
        RequireAbsent();
        var accepted = Accept(charter);
        return await Apply(ProjectRules.Create(accepted, NextVersion, Clock.GetUtcNow()), ChangeKind.Created);
    }

    public async Task<JointProject> Update(ProjectCharter charter, long expectedVersion)
    {
        var current = RequireCurrent();
        CheckVersion(expectedVersion);
        var accepted = Accept(charter);
        return await Apply(ProjectRules.UpdateCharter(current, accepted, NextVersion, Clock.GetUtcNow()), ChangeKind.Updated);
    }

    public async Task<JointProject> ChangeStatus(ProjectStatus status, long? expectedVersion)
    {
        var current = RequireCurrent();
        CheckVersion(expectedVersion);
        return await Apply(ProjectRules.ChangeStatus(current, status, NextVersion, Clock.GetUtcNow()), ChangeKind.Updated);
    }

    public async Task<JointProject> AddPartner(PartnerRef partner, long? expectedVersion)
    {
        var current = RequireCurrent();
        CheckVersion(expectedVersion);
        var info = await FindPartner(partner);
        return await Apply(ProjectRules.AddPartner(current, info, NextVersion, Clock.GetUtcNow()), ChangeKind.Updated);
    }

    public async Task<JointProject> RemovePartner(PartnerRef partner, long? expectedVersion)
    {
        var current = RequireCurrent();
        CheckVersion(expectedVersion);
        return await Apply(ProjectRules.RemovePartner(current, partner, NextVersion, Clock.GetUtcNow()), ChangeKind.Updated);
    }

    public async Task<JointProject> AddContribution(ContributionInput contribution, long? expectedVersion)
    {
        var current = RequireCurrent();
        CheckVersion(expectedVersion);
        var accepted = ProjectRules.Normalize(contribution);
        ProjectRules.Validate(accepted, Today);
        return await Apply(ProjectRules.AddContribution(current, accepted, NextVersion, Clock.GetUtcNow()), ChangeKind.Updated);
    }

    public async Task Delete(long expectedVersion)
    {
        RequireCurrent();
        CheckVersion(expectedVersion);
        await Commit(null, ChangeKind.Deleted);
    }

    protected override object View(ProjectData value, EntityMeta meta) => Wrap(value, meta);

    protected override DirectoryEntry ToDirectoryEntry(ProjectData value, EntityMeta meta) =>
        ProjectRules.ToDirectoryEntry(value, meta);

    private static JointProject Wrap(ProjectData data, EntityMeta meta) =>
        new(meta, data.Charter, data.Status, data.Partners, data.Contributions, data.Activity);

    private static ProjectCharter Accept(ProjectCharter charter)
    {
        var normalized = ProjectRules.Normalize(charter);
        ProjectRules.Validate(normalized);
        return normalized;
    }

    /// <summary>Commits <paramref name="next"/>; null means the operation changed nothing, so no version is spent.</summary>
    private async Task<JointProject> Apply(ProjectData? next, ChangeKind change)
    {
        if (next is not null)
        {
            await Commit(next, change);
        }
        return Wrap(Current!, Meta);
    }

    private async Task<PartnerInfo> FindPartner(PartnerRef partner)
    {
        if (partner is null || !Enum.IsDefined(partner.Kind) || partner.Kind == EntityKind.Project)
        {
            throw new ValidationFailedException("kind", "Un partenaire est une coopérative ou un groupe de la diaspora.");
        }
        if (!Contracts.Common.Slug.IsValid(partner.Slug))
        {
            throw new ValidationFailedException("slug", "Identifiant invalide.");
        }
        IPartnerGrain grain = partner.Kind == EntityKind.Cooperative
            ? GrainFactory.GetGrain<ICooperativeGrain>(partner.Slug)
            : GrainFactory.GetGrain<IDiasporaGroupGrain>(partner.Slug);
        return await grain.GetPartnerInfo()
            ?? throw new ValidationFailedException("slug", $"Aucune organisation « {partner.Slug} » de ce type.");
    }
}
