using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Common;
using Kaolack.Grains.Entities;
using Kaolack.Grains.Hosting;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;

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

    private readonly Dictionary<string, string> accountNames = new(StringComparer.Ordinal);
    private PublishedState<WorkshopData>? state;

    private string Id => this.GetPrimaryKeyString();

    private PublishedState<WorkshopData> State => state ??= new PublishedState<WorkshopData>(
        store, Id, Topic.ForWorkshop(Id), GrainContext.Deactivated, (data, meta) => new WorkshopSnapshot(meta, data), clock, logger, DeactivateOnIdle, JournalCapacity);

    private WorkshopData? Current => State.Value;

    private long Version => State.Version;

    private WorkshopSnapshot Snapshot => new(State.Meta, Current ?? throw new EntityNotFoundException("L'atelier"));

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

    public Task<long> Watch(ILiveObserver observer) => State.Live.Watch(observer);

    public Task Unwatch(ILiveObserver observer) => State.Live.Unwatch(observer);

    /// <summary>Events come shaped for the caller (<see cref="LiveVisibility"/>), but to the relays, which shape them per connection.</summary>
    public Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Current is null)
        {
            AccessPolicy.Require(!caller.IsGuest && AccessPolicy.CanReadDirectory(caller), "Vous n'avez pas accès à cet atelier.");
            // Deleted: whatever the client saw, the tombstone is all there is to know.
            return Task.FromResult(new CatchUp(State.Live.Topic, Version, Version == 0 ? [] : [State.Live.Event(ChangeKind.Snapshot, clock.GetUtcNow(), State.Meta)]));
        }
        RequireObserver(caller);
        return Task.FromResult(State.Live.CatchUp(caller, sinceVersion));
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
        await State.Commit(next, change);
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
