using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Common;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Utilities;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// One workshop and its live session. Thin over <see cref="WorkshopRules"/>: check access, apply, persist, then tell
/// the relays (every event is the whole state, shaped per connection by the relay), so a command is acknowledged only
/// once durable. State in Blob storage: ballots, notes and attendance grow with the session.
/// </summary>
public sealed partial class WorkshopGrain(
    [PersistentState("workshop", StorageNames.Documents)] IPersistentState<EntityState<WorkshopData>> store,
    TimeProvider clock,
    ILogger<WorkshopGrain> logger)
    : Grain, IWorkshopGrain
{
    /// <summary>Every event holds the whole state, so a short journal is enough: older gaps get a snapshot, which is the same.</summary>
    private const int JournalCapacity = 16;

    private const int CodeAttempts = 20;

    private readonly ObserverManager<ILiveObserver> watchers = new(LiveSubscriptions.Expiry, logger);
    private readonly Dictionary<string, string> accountNames = new(StringComparer.Ordinal);
    private LiveJournal? journal;

    private string Id => this.GetPrimaryKeyString();

    private WorkshopData? Current => store.State.Value;

    private long Version => store.State.Version;

    private string TopicName => Topic.ForWorkshop(Id).ToString();

    private LiveJournal Journal => journal ??= new LiveJournal(TopicName, JournalCapacity);

    private WorkshopSnapshot Snapshot => new(new EntityMeta(Id, Version, store.State.CreatedAt, store.State.UpdatedAt),
        Current ?? throw new EntityNotFoundException("L'atelier"));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is not null)
        {
            await PublishListing();
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<WorkshopView> Create(Caller caller, WorkshopDetails details)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(WorkshopAccess.CanCreate(caller), "Seuls les coachs et les administrateurs créent des ateliers.");
        if (!Slug.IsValid(Id))
        {
            throw new ValidationFailedException("id", "Identifiant d'atelier invalide.");
        }
        if (Current is not null || Version > 0)
        {
            throw new EntityExistsException("L'atelier");
        }
        var accepted = await Accept(caller, details, previousProject: null);
        var code = await DrawCode();
        await Commit(WorkshopRules.Create(accepted, caller.UserId, code), ChangeKind.Created);
        return View(caller);
    }

    public Task<WorkshopView?> Get(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Current is null)
        {
            AccessPolicy.Require(!caller.IsGuest && AccessPolicy.CanReadDirectory(caller), "Vous n'avez pas accès à cet atelier.");
            return Task.FromResult<WorkshopView?>(null);
        }
        RequireObserver(caller);
        return Task.FromResult<WorkshopView?>(View(caller));
    }

    public async Task<WorkshopView> Update(Caller caller, WorkshopDetails details, long expectedVersion)
    {
        var current = RequireCoach(caller);
        CheckVersion(expectedVersion);
        var accepted = await Accept(caller, details, current.Details.ProjectSlug);
        await Commit(WorkshopRules.Update(current, accepted), ChangeKind.Updated);
        return View(caller);
    }

    public async Task Delete(Caller caller, long expectedVersion)
    {
        var current = RequireCoach(caller);
        CheckVersion(expectedVersion);
        await Commit(null, ChangeKind.Deleted);
        await GrainFactory.GetGrain<IWorkshopCodeGrain>(current.JoinCode).Release(Id);
    }

    public async Task<WorkshopAck> Execute(Caller caller, WorkshopCommand command)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = RequireCurrent();
        AccessPolicy.Require(WorkshopAccess.CanParticipate(caller, current), "Vous ne pouvez pas participer à cet atelier.");
        var who = new Participant(caller.UserId, await DisplayNameOf(caller, current), caller.IsGuest, WorkshopAccess.CanCoach(caller, current));
        var next = WorkshopRules.Apply(current, who, command, clock.GetUtcNow());
        if (next is not null)
        {
            await Commit(next, ChangeKind.Updated);
            if (command is EndSession && next.Details.ProjectSlug is { } project)
            {
                await AttachSummary(caller, project, next);
            }
        }
        return new WorkshopAck(Version);
    }

    public async Task<GuestAdmission> AdmitGuest(string displayName)
    {
        var current = RequireCurrent();
        var name = WorkshopRules.NormalizeDisplayName(displayName);
        var guest = new Guest($"{Caller.GuestPrefix}{Id}:{Guid.NewGuid():N}", name, clock.GetUtcNow());
        await Commit(WorkshopRules.AdmitGuest(current, guest), ChangeKind.Updated);
        return new GuestAdmission(Id, guest.Id, guest.DisplayName);
    }

    public Task<bool> HasGuest(string guestId) => Task.FromResult(Current?.Guests.Any(g => g.Id == guestId) == true);

    public Task<PlanAccess> GetPlanAccess(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = RequireCurrent();
        RequireObserver(caller);
        return Task.FromResult(new PlanAccess(current.Phase != WorkshopPhase.Ended && WorkshopAccess.CanParticipate(caller, current), MayCache: false));
    }

    /// <summary>The notes feed no dashboard.</summary>
    public Task PlanCommitted(PlanFacts facts) => Task.CompletedTask;

    /// <remarks>Reads the notes from their plan document, which asks <see cref="GetPlanAccess"/> back: both are read-only, so they interleave.</remarks>
    public async Task<string> Summary(Caller caller, SummaryFormat format)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = RequireCurrent();
        AccessPolicy.Require(!caller.IsGuest && WorkshopAccess.CanObserve(caller, current), "Le résumé est réservé aux comptes de la plateforme.");
        var notes = (await GrainFactory.GetGrain<IPlanDocumentGrain>(PlanKey.ForWorkshopNotes(Id).ToString()).GetSnapshot(caller)).Document;
        return format == SummaryFormat.Csv ? WorkshopSummaries.Csv(current, notes) : WorkshopSummaries.Markdown(current, notes);
    }

    public Task<long> Watch(ILiveObserver observer)
    {
        watchers.Subscribe(observer, observer);
        return Task.FromResult(Version);
    }

    public Task Unwatch(ILiveObserver observer)
    {
        watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The relays catch up as <see cref="Caller.System"/> and receive the raw events, which they shape per connection
    /// (<see cref="LiveVisibility"/>); anyone else receives the events already shaped for them.
    /// </summary>
    public Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Current is null)
        {
            AccessPolicy.Require(!caller.IsGuest && AccessPolicy.CanReadDirectory(caller), "Vous n'avez pas accès à cet atelier.");
            return Task.FromResult(new CatchUp(TopicName, Version, Version == 0 ? [] : [new LiveEvent(TopicName, Version, ChangeKind.Snapshot, clock.GetUtcNow(),
                new EntityMeta(Id, Version, store.State.CreatedAt, store.State.UpdatedAt))]));
        }
        var relay = caller.UserId == Caller.SystemId;
        if (!relay)
        {
            RequireObserver(caller);
        }
        var catchUp = Journal.CatchUp(sinceVersion, Version, () => new LiveEvent(TopicName, Version, ChangeKind.Snapshot, clock.GetUtcNow(), Snapshot));
        return Task.FromResult(relay ? catchUp : catchUp with
        {
            Events = [.. catchUp.Events.Select(e => LiveVisibility.For(caller, e)).OfType<LiveEvent>()],
        });
    }

    private WorkshopView View(Caller caller) => WorkshopViews.For(caller, Snapshot, clock.GetUtcNow());

    private WorkshopData RequireCurrent() => Current ?? throw new EntityNotFoundException("L'atelier");

    private void RequireObserver(Caller caller) =>
        AccessPolicy.Require(WorkshopAccess.CanObserve(caller, RequireCurrent()), "Vous n'avez pas accès à cet atelier.");

    private WorkshopData RequireCoach(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = RequireCurrent();
        RequireObserver(caller);
        AccessPolicy.Require(WorkshopAccess.CanCoach(caller, current), "Seuls les coachs de l'atelier peuvent faire cela.");
        return current;
    }

    private void CheckVersion(long expectedVersion)
    {
        if (expectedVersion != Version)
        {
            throw new VersionConflictException(expectedVersion, Version);
        }
    }

    /// <summary>Normalised and valid details; a newly linked project must exist and be readable by the caller.</summary>
    private async Task<WorkshopDetails> Accept(Caller caller, WorkshopDetails details, string? previousProject)
    {
        if (details is null)
        {
            throw new ValidationFailedException("body", "Atelier attendu.");
        }
        var accepted = WorkshopRules.Normalize(details);
        WorkshopRules.Validate(accepted);
        if (accepted.ProjectSlug is { } slug && slug != previousProject
            && await GrainFactory.GetGrain<IJointProjectGrain>(slug).Get(caller) is null)
        {
            throw new ValidationFailedException("projectSlug", $"Aucun projet « {slug} ».");
        }
        return accepted;
    }

    private async Task<string> DrawCode()
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = JoinCodes.NewCode();
            if (await GrainFactory.GetGrain<IWorkshopCodeGrain>(code).Claim(Id))
            {
                return code;
            }
        }
        throw new InvalidOperationException("No free join code found.");
    }

    private async Task<string> DisplayNameOf(Caller caller, WorkshopData current)
    {
        if (caller.IsGuest)
        {
            return current.Guests.First(g => g.Id == caller.UserId).DisplayName;
        }
        if (!accountNames.TryGetValue(caller.UserId, out var name))
        {
            name = (await GrainFactory.GetGrain<IUserGrain>(caller.UserId).GetSession())?.DisplayName ?? caller.UserId;
            accountNames[caller.UserId] = name;
        }
        return name;
    }

    /// <summary>Persists first, then tells the relays and the list; a failed write leaves the grain as it was.</summary>
    private async Task Commit(WorkshopData? next, ChangeKind change)
    {
        var state = store.State;
        var previous = (state.Value, state.Version, state.CreatedAt, state.UpdatedAt);
        var now = clock.GetUtcNow();
        state.Value = next;
        state.Version++;
        state.UpdatedAt = now;
        if (change == ChangeKind.Created)
        {
            state.CreatedAt = now;
        }
        try
        {
            await store.WriteStateAsync();
        }
        catch (Exception exception)
        {
            (state.Value, state.Version, state.CreatedAt, state.UpdatedAt) = previous;
            if (exception is InconsistentStateException)
            {
                DeactivateOnIdle();
            }
            throw;
        }
        object data = next is null ? new EntityMeta(Id, state.Version, state.CreatedAt, state.UpdatedAt) : Snapshot;
        var liveEvent = new LiveEvent(TopicName, state.Version, change, now, data);
        if (next is null)
        {
            journal = null;
        }
        Journal.Append(liveEvent);
        await watchers.Notify(watcher => watcher.OnLiveEvent(liveEvent));
        await PublishListing();
    }

    private async Task PublishListing()
    {
        var catalog = GrainFactory.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key);
        try
        {
            if (Current is null)
            {
                await catalog.Remove(Id);
            }
            else
            {
                await catalog.Upsert(WorkshopViews.Listing(Snapshot));
            }
        }
        catch (Exception exception) when (exception is not DomainException)
        {
            // The workshop's change is durable; the list heals when this grain next activates.
            LogListingFailed(exception, Id, Version);
        }
    }

    /// <summary>The session's end is durable already; a project that refuses (deleted, access lost) only loses the line.</summary>
    private async Task AttachSummary(Caller caller, string projectSlug, WorkshopData ended)
    {
        try
        {
            await GrainFactory.GetGrain<IJointProjectGrain>(projectSlug).RecordWorkshop(caller, WorkshopSummaries.ActivityText(Id, ended));
        }
        catch (Exception exception)
        {
            LogSummaryNotAttached(exception, Id, projectSlug);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop list not updated for {WorkshopId} v{Version}")]
    private partial void LogListingFailed(Exception exception, string workshopId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary of workshop {WorkshopId} not attached to project {ProjectSlug}")]
    private partial void LogSummaryNotAttached(Exception exception, string workshopId, string projectSlug);
}
