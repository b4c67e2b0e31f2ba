using System.Collections.Immutable;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Live;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Common;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Kaolack.Grains.Dashboard;

/// <summary>
/// Every project summary and organisation's facts of the programme, stored in one blob. Reentrant with group commit,
/// like the plan grain: updates arriving during a write are applied in memory and stored by the next write, and each
/// is acknowledged once stored. Reads and pushes only ever show what is stored. Pushes on "dashboard:programme" are
/// coalesced (<see cref="DashboardOptions.PushInterval"/>): each carries the indicators recomputed from scratch over all
/// summaries, today's point of the progress series and the rows changed since the previous push.
/// </summary>
[Reentrant]
public sealed class ProgrammeDashboardGrain(
    [PersistentState("programme-dashboard", StorageNames.Documents)] IPersistentState<ProgrammeState> store,
    TimeProvider clock,
    IOptions<DashboardOptions> options,
    ILogger<ProgrammeDashboardGrain> logger)
    : Grain, IProgrammeDashboardGrain
{
    private static readonly TimeSpan DayCheckInterval = TimeSpan.FromHours(1);

    private readonly List<(long Version, string Slug, bool Removed)> unstored = [];
    private readonly HashSet<string> changedSincePush = new(StringComparer.Ordinal);
    private readonly HashSet<string> removedSincePush = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, ProjectSummary> projects = ImmutableDictionary<string, ProjectSummary>.Empty;
    private ImmutableDictionary<string, OrganisationFacts> organisations = ImmutableDictionary<string, OrganisationFacts>.Empty;
    private ImmutableDictionary<string, ProjectSummary> storedProjects = ImmutableDictionary<string, ProjectSummary>.Empty;
    private ImmutableDictionary<string, OrganisationFacts> storedOrganisations = ImmutableDictionary<string, OrganisationFacts>.Empty;
    private ProgressPoint[] series = [];
    private long version;
    private long pushVersion;
    private DateOnly lastPushDay;
    private LivePublisher? live;
    private ThrottledPush? pushes;
    private GroupCommit<ProgrammeState>? commit;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Pushes carry the rows changed since the previous one; a snapshot carries them all.</summary>
    private LivePublisher Live => live ??= LivePublisher.WithJournal(Topic.ForProgrammeDashboard(), GrainContext.Deactivated, () => pushVersion, () =>
    {
        var today = Today;
        var indicators = ProgrammeAggregation.Compute(storedProjects.Values, storedOrganisations.Values, today);
        return new ProgrammeDashboard(pushVersion, today, indicators, series, Rows(storedProjects.Values, Caller.System, today), [], WholeProgramme: true);
    }, clock, logger);

    private ThrottledPush Pushes => pushes ??= new ThrottledPush(this, options.Value.PushInterval, clock, Push);

    /// <summary>One write stores every change applied before it starts; reads and pushes show only what is stored.</summary>
    private GroupCommit<ProgrammeState> Commit => commit ??= new GroupCommit<ProgrammeState>(
        "Programme dashboard", 0, () => version, _ => Write(), Stored, DeactivateOnIdle, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var state = store.State;
        projects = storedProjects = state.Projects;
        organisations = storedOrganisations = state.Organisations;
        series = state.Series;
        // Versions keep increasing across activations even if the last pushed version was not stored.
        pushVersion = Math.Max(state.PushVersion, clock.GetUtcNow().ToUnixTimeMilliseconds());
        lastPushDay = Today;
        // Lateness moves with the date even when nothing changes: push the day's numbers once the day turns.
        this.RegisterGrainTimer(_ => lastPushDay == Today ? Task.CompletedTask : Pushes.PushNow(), new GrainTimerCreationOptions(DayCheckInterval, DayCheckInterval));
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task UpdateProject(ProjectSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!Slug.IsValid(summary.Slug) || (projects.TryGetValue(summary.Slug, out var held) && held.Version >= summary.Version))
        {
            return;
        }
        projects = projects.SetItem(summary.Slug, summary);
        await Store(summary.Slug, removed: false);
    }

    public async Task RemoveProject(string slug)
    {
        if (slug is null || !projects.ContainsKey(slug))
        {
            return;
        }
        projects = projects.Remove(slug);
        await Store(slug, removed: true);
    }

    public async Task UpdateOrganisation(OrganisationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        organisations.TryGetValue(facts.Key, out var held);
        if (held is not null && held.Version >= facts.Version)
        {
            return;
        }
        organisations = organisations.SetItem(facts.Key, facts);
        await Store(null, removed: false);
        TellPledgesChanged(held, facts);
    }

    public async Task RemoveOrganisation(EntityKind kind, string slug)
    {
        var key = OrganisationFacts.KeyOf(kind, slug);
        if (!organisations.TryGetValue(key, out var held))
        {
            return;
        }
        organisations = organisations.Remove(key);
        await Store(null, removed: false);
        TellPledgesChanged(held, null);
    }

    public Task<PledgeFact[]> PledgesTo(string projectSlug) => Task.FromResult(Pledges(projectSlug));

    /// <summary>Filters and indicators apply to the projects the caller may see only: a filter never singles out a hidden project.</summary>
    public Task<ProgrammeDashboard> Get(Caller caller, DashboardFilter filter)
    {
        RequireRead(caller);
        ArgumentNullException.ThrowIfNull(filter);
        var today = Today;
        var rows = Rows(storedProjects.Values.Where(p => ProgrammeAggregation.Matches(p, filter)), caller, today);
        var indicators = ProgrammeAggregation.Compute(rows, storedOrganisations.Values.Where(o => ProgrammeAggregation.Matches(o, filter)), today);
        var whole = caller.SeesAllProjects;
        return Task.FromResult(new ProgrammeDashboard(pushVersion, today, indicators, whole ? series : [], rows, [], whole));
    }

    public Task<long> Watch(ILiveObserver observer) => Live.Watch(observer);

    public Task Unwatch(ILiveObserver observer) => Live.Unwatch(observer);

    public Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        RequireRead(caller);
        return Task.FromResult(Live.CatchUp(caller, sinceVersion));
    }

    private static void RequireRead(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(AccessPolicy.CanReadDirectory(caller), "Connectez-vous pour consulter le tableau de bord.");
    }

    /// <summary>The rows <paramref name="caller"/> may see, judged on <paramref name="today"/>, by title.</summary>
    private static ProjectSummary[] Rows(IEnumerable<ProjectSummary> summaries, Caller caller, DateOnly today) =>
        [.. summaries
            .Where(s => AccessPolicy.CanSee(caller, s.Readers))
            .Select(s => ProjectSummaries.AsOf(s, today))
            .OrderBy(s => s.Title, StringComparer.CurrentCulture).ThenBy(s => s.Slug, StringComparer.Ordinal)];

    private PledgeFact[] Pledges(string projectSlug) =>
        [.. organisations.Values.SelectMany(o => o.Pledges).Where(p => p.ProjectSlug == projectSlug)];

    /// <summary>Projects whose pledges an organisation's change touched learn their new pledges (one-way: a read model).</summary>
    private void TellPledgesChanged(OrganisationFacts? before, OrganisationFacts? after)
    {
        var touched = (before?.Pledges ?? []).Concat(after?.Pledges ?? []).Select(p => p.ProjectSlug).Where(Slug.IsValid).ToHashSet(StringComparer.Ordinal);
        foreach (var projectSlug in touched)
        {
            _ = GrainFactory.GetGrain<IProjectSummaryGrain>(projectSlug).OnPledges(Pledges(projectSlug));
        }
    }

    /// <summary>Counts one change (applied already) and waits until it is stored.</summary>
    private async Task Store(string? slug, bool removed)
    {
        version++;
        if (slug is not null)
        {
            unstored.Add((version, slug, removed));
        }
        await Commit.UntilPersisted(version);
    }

    /// <summary>Stores the state as it is now, with every change applied so far.</summary>
    private async Task<ProgrammeState> Write()
    {
        var written = new ProgrammeState
        {
            Projects = projects,
            Organisations = organisations,
            Series = series,
            PushVersion = pushVersion,
        };
        // A failed write breaks the group commit, which deactivates the grain: there is nothing to roll back to.
        store.State = written;
        await store.WriteStateAsync();
        return written;
    }

    private Task Stored(ProgrammeState written)
    {
        (storedProjects, storedOrganisations) = (written.Projects, written.Organisations);
        foreach (var change in unstored.Where(c => c.Version <= Commit.Persisted))
        {
            (change.Removed ? removedSincePush : changedSincePush).Add(change.Slug);
            (change.Removed ? changedSincePush : removedSincePush).Remove(change.Slug);
        }
        unstored.RemoveAll(c => c.Version <= Commit.Persisted);
        Pushes.Changed();
        return Task.CompletedTask;
    }

    /// <summary>Publishes the stored state: indicators from scratch, today's progress point, the rows changed since the last push.</summary>
    private async Task Push()
    {
        var now = clock.GetUtcNow();
        var today = Today;
        lastPushDay = today;
        var indicators = ProgrammeAggregation.Compute(storedProjects.Values, storedOrganisations.Values, today);
        series = ProgrammeAggregation.Record(series, ProgrammeAggregation.PointOf(indicators, today), Math.Max(1, options.Value.SeriesDays));
        var changed = Rows(changedSincePush.Select(slug => storedProjects.GetValueOrDefault(slug)).OfType<ProjectSummary>(), Caller.System, today);
        string[] removed = [.. removedSincePush.Order(StringComparer.Ordinal)];
        changedSincePush.Clear();
        removedSincePush.Clear();
        pushVersion++;
        await Live.Publish(Live.Event(ChangeKind.Updated, now, new ProgrammeDashboard(pushVersion, today, indicators, series, changed, removed, WholeProgramme: true)));
    }
}
