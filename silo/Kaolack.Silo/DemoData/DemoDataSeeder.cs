using System.Collections.Immutable;
using System.Globalization;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;

namespace Kaolack.Silo.DemoData;

/// <summary>
/// Loads the shipped <see cref="DemoCatalog"/> once the silo runs. Idempotent: an item that exists is left alone
/// (even if people edited it since), so it is safe on every start and on several silos at once.
/// A project gets its partners, contributions and status only from the seeder that created it; a plan gets its
/// sections, milestones and tasks only while it holds no milestone or task other than the demo's (an interrupted
/// seeding completes; adding an entity that exists is dropped by the plan, so nothing is added twice).
/// </summary>
public sealed class DemoDataSeeder(IGrainFactory grains, TimeProvider clock, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    private const int MaxAttempts = 10;

    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    /// <summary>"kind/slug" of everything this seeder created, across attempts.</summary>
    private readonly HashSet<string> created = new(StringComparer.Ordinal);

    /// <summary>Projects this seeder created whose partners, contributions or status are not all applied yet.</summary>
    private readonly HashSet<string> unfinishedProjects = new(StringComparer.Ordinal);

    /// <summary>What is being seeded, for the log when something is refused.</summary>
    private string currentItem = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (Kestrel, other services) before the first grain call.
        await Task.Yield();
        DemoCatalog catalog;
        try
        {
            catalog = DemoCatalog.Shipped;
        }
        catch (DemoDataException exception)
        {
            // Checked before anything is created: broken files seed nothing rather than half a data set.
            logger.LogError("Demo data not seeded. {Problems}", exception.Message);
            return;
        }
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await SeedAll(catalog, stoppingToken);
                logger.LogInformation(
                    "Demo data: {Cooperatives} cooperatives, {DiasporaGroups} diaspora groups, {Organisations} organisations, {Projects} projects ({Created} created)",
                    catalog.Cooperatives.Count, catalog.DiasporaGroups.Count, catalog.Organisations.Count, catalog.Projects.Count, created.Count);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ValidationFailedException exception)
            {
                // An item of the catalog breaks a rule: retrying cannot help.
                var errors = string.Join("; ", exception.Errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));
                logger.LogError("Demo data: {Item} refused by validation: {Errors}", currentItem, errors);
                return;
            }
            catch (DomainException exception)
            {
                logger.LogError(exception, "Demo data: {Item} refused ({Code})", currentItem, exception.Code);
                return;
            }
            catch (Exception exception) when (attempt < MaxAttempts)
            {
                var delay = TimeSpan.FromTicks(Math.Min(BaseDelay.Ticks * attempt, MaxDelay.Ticks));
                logger.LogWarning(
                    "Demo data: attempt {Attempt}/{MaxAttempts} failed at {Item} ({Error}); retrying in {Delay}",
                    attempt, MaxAttempts, currentItem, exception.Message, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Demo data: giving up after {MaxAttempts} attempts, at {Item}", MaxAttempts, currentItem);
                return;
            }
        }
    }

    private async Task SeedAll(DemoCatalog catalog, CancellationToken stoppingToken)
    {
        foreach (var account in DemoAccounts.All)
        {
            currentItem = $"account {account.Registration.Email}";
            await grains.GetGrain<IUserGrain>(account.Registration.Email).EnsureSeeded(Caller.System, account);
        }
        foreach (var cooperative in catalog.Cooperatives)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await SeedProfile<ICooperativeGrain, CooperativeProfile, Cooperative>(
                EntityKind.Cooperative, cooperative, MemberOf(cooperative.Profile.Region));
        }
        foreach (var group in catalog.DiasporaGroups)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await SeedProfile<IDiasporaGroupGrain, DiasporaGroupProfile, DiasporaGroup>(
                EntityKind.DiasporaGroup, group, MemberOf(group.Profile.OriginRegion));
        }
        foreach (var organisation in catalog.Organisations)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await SeedProfile<IOrganisationGrain, OrganisationProfile, Organisation>(
                EntityKind.Organisation, organisation, MemberOf(organisation.Profile.Region));
        }
        foreach (var project in catalog.Projects)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await SeedProject(project, stoppingToken);
        }
        foreach (var plan in catalog.Plans)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await SeedPlan(plan, stoppingToken);
        }
    }

    private async Task SeedPlan(DemoPlan demo, CancellationToken stoppingToken)
    {
        currentItem = $"plan {demo.ProjectSlug}";
        var grain = grains.GetGrain<IPlanDocumentGrain>(demo.ProjectSlug);
        var snapshot = await grain.GetSnapshot(Owner);
        var demoIds = demo.Milestones.Select(m => m.Id).Concat(demo.Tasks.Select(t => t.Id)).ToHashSet(StringComparer.Ordinal);
        if (snapshot.Document.Milestones.Concat(snapshot.Document.Tasks).Any(e => !demoIds.Contains(e.Id)))
        {
            return; // People plan here: leave it alone.
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var version = snapshot.Version;
        var clientId = $"demo-{Guid.NewGuid():N}";
        var seq = 0;
        foreach (var op in PlanOps(demo, today))
        {
            stoppingToken.ThrowIfCancellationRequested();
            var ack = await grain.Submit(Owner, new PlanSubmission(clientId, ++seq, version, op));
            version = ack.Version ?? version;
        }
    }

    private static IEnumerable<PlanOp> PlanOps(DemoPlan demo, DateOnly today)
    {
        string Due(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        PlanOp Add(PlanEntityKind kind, string id, int index, params (string Field, string Value)[] fields) => new()
        {
            Type = PlanOpType.Add,
            Kind = kind,
            Id = id,
            Order = $"a{index:D2}",
            Fields = fields.ToImmutableDictionary(f => f.Field, f => f.Value),
        };
        foreach (var (section, index) in demo.Sections.Select((s, i) => (s, i)))
        {
            yield return Add(PlanEntityKind.Section, section.Id, index, (PlanFields.Heading, section.Heading), (PlanFields.Body, section.Body));
        }
        foreach (var (milestone, index) in demo.Milestones.Select((m, i) => (m, i)))
        {
            yield return Add(PlanEntityKind.Milestone, milestone.Id, index, (PlanFields.Title, milestone.Title),
                (PlanFields.DueDate, Due(milestone.DueInDays)), (PlanFields.Status, milestone.Status), (PlanFields.OwnerRegion, milestone.OwnerRegion));
        }
        foreach (var (task, index) in demo.Tasks.Select((t, i) => (t, i)))
        {
            yield return Add(PlanEntityKind.Task, task.Id, index, (PlanFields.Title, task.Title), (PlanFields.Assignee, task.Assignee),
                (PlanFields.MilestoneId, task.MilestoneId), (PlanFields.DueDate, Due(task.DueInDays)), (PlanFields.Status, task.Status));
        }
    }

    /// <summary>Organisations are created by the demo member of their region, who thereby belongs to them.</summary>
    private static Caller MemberOf(Region region) =>
        DemoAccounts.CallerFor(region == Region.Kaolack ? DemoAccounts.KaolackMember : DemoAccounts.OrientalMember);

    private async Task SeedProfile<TGrain, TProfile, TView>(EntityKind kind, DemoProfile<TProfile> demo, Caller creator)
        where TGrain : IProfileGrain<TProfile, TView>
        where TProfile : class
        where TView : class
    {
        currentItem = $"{kind.Singular()} {demo.Slug}";
        var grain = grains.GetGrain<TGrain>(demo.Slug);
        if (await grain.Get(creator) is not null)
        {
            return;
        }
        try
        {
            await grain.Create(creator, demo.Profile);
            created.Add(currentItem);
            logger.LogDebug("Demo data: created {Item}", currentItem);
        }
        catch (EntityExistsException)
        {
            // Another silo created it meanwhile.
        }
    }

    private async Task SeedProject(DemoProject demo, CancellationToken stoppingToken)
    {
        currentItem = $"{EntityKind.Project.Singular()} {demo.Slug}";
        var grain = grains.GetGrain<IJointProjectGrain>(demo.Slug);
        if (!unfinishedProjects.Contains(demo.Slug))
        {
            // Asked as the system: to its future owner, a project not created yet answers as a hidden one would (forbidden).
            if (await grain.Get(Caller.System) is not null)
            {
                return;
            }
            try
            {
                await grain.Create(Owner, demo.Charter);
            }
            catch (EntityExistsException)
            {
                // Another silo created it and completes it.
                return;
            }
            created.Add(currentItem);
            unfinishedProjects.Add(demo.Slug);
            logger.LogDebug("Demo data: created {Item}", currentItem);
        }
        await Complete(grain, demo, stoppingToken);
        unfinishedProjects.Remove(demo.Slug);
    }

    /// <summary>The demo member of Kaolack proposes every demo project and owns it.</summary>
    private static Caller Owner => DemoAccounts.CallerFor(DemoAccounts.KaolackMember);

    /// <summary>
    /// Applies partners, contributions, team and status to a project this seeder created. Each step checks
    /// what is already there, so an attempt interrupted half-way is finished by the next one.
    /// </summary>
    private static async Task Complete(IJointProjectGrain grain, DemoProject demo, CancellationToken stoppingToken)
    {
        foreach (var partner in demo.Partners)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await grain.AddPartner(Owner, partner, expectedVersion: null); // no-op when already a partner
        }
        var project = await grain.Get(Owner) ?? throw new EntityNotFoundException("Le projet de démonstration");
        foreach (var (email, role) in new[] { (DemoAccounts.OrientalMember, ProjectRole.Editor), (DemoAccounts.Viewer, ProjectRole.Viewer) })
        {
            if (!project.Members.Any(m => m.UserId == email))
            {
                // The same path as people take: the owner invites, the invited account accepts.
                var ticket = await grain.Invite(Owner, email, role);
                project = await grain.AcceptInvitation(DemoAccounts.CallerFor(email), ticket.Token);
            }
        }
        foreach (var contribution in demo.Contributions)
        {
            if (!project.Contributions.Any(c => c.Details == contribution))
            {
                stoppingToken.ThrowIfCancellationRequested();
                project = await grain.AddContribution(Owner, contribution, expectedVersion: null);
            }
        }
        var path = PathTo(demo.Status);
        for (var step = Array.IndexOf(path, project.Status) + 1; step < path.Length; step++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            project = await grain.ChangeStatus(Owner, path[step], expectedVersion: null);
        }
    }

    /// <summary>The allowed transitions from "proposed" (a new project's status) to <paramref name="target"/>.</summary>
    private static ProjectStatus[] PathTo(ProjectStatus target) => target switch
    {
        ProjectStatus.Proposed => [],
        ProjectStatus.Active => [ProjectStatus.Active],
        ProjectStatus.AtRisk => [ProjectStatus.Active, ProjectStatus.AtRisk],
        ProjectStatus.Completed => [ProjectStatus.Active, ProjectStatus.Completed],
        ProjectStatus.Cancelled => [ProjectStatus.Cancelled],
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };
}
