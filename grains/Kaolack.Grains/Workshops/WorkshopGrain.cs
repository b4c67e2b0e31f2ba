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
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// One workshop and its live session. Thin over <see cref="WorkshopRules"/>: check access, apply in memory, and answer
/// once stored. Reentrant with group commit (<see cref="GroupCommittedState{TValue}"/>): the commands of 500 phones
/// arriving together are applied at once and stored by a few writes, each published as one delta
/// (<see cref="WorkshopChanges"/>) that the relays shape per connection. State in Blob storage: ballots, notes and
/// attendance grow with the session.
/// </summary>
[Reentrant]
public sealed partial class WorkshopGrain(
    [PersistentState("workshop", StorageNames.Documents)] IPersistentState<EntityState<WorkshopData>> store,
    TimeProvider clock,
    IOptions<WorkshopOptions> options,
    ILogger<WorkshopGrain> logger)
    : Grain, IWorkshopGrain
{
    /// <summary>Events are deltas now: a reconnecting phone gets the ones it missed if they are this recent, else a snapshot.</summary>
    private const int JournalCapacity = 256;

    private const int CodeAttempts = 20;

    private readonly Dictionary<string, string> accountNames = new(StringComparer.Ordinal);
    private GroupCommittedState<WorkshopData>? state;
    private TokenBucket? admissions;
    private ReactionPacing? reactions;
    private WorkshopListing? listed;

    private string Id => this.GetPrimaryKeyString();

    private GroupCommittedState<WorkshopData> State => state ??= new GroupCommittedState<WorkshopData>(
        store, Id, Topic.ForWorkshop(Id),
        (data, meta) => new WorkshopSnapshot(meta, data),
        (before, after, meta) => WorkshopChanges.Between(before, after, meta),
        clock, logger, DeactivateOnIdle, JournalCapacity);

    private TokenBucket Admissions => admissions ??= new TokenBucket(options.Value.GuestAdmissionBurst, options.Value.GuestAdmissionInterval);

    private ReactionPacing ReactionPace => reactions ??= new ReactionPacing(options.Value.ReactionInterval);

    /// <summary>What reads show: the workshop as stored.</summary>
    private WorkshopSnapshot Stored => new(State.Meta, State.Value ?? throw new EntityNotFoundException("L'atelier"));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Value is not null)
        {
            await PublishListing();
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<WorkshopView> Create(Caller caller, WorkshopDetails details, WorkshopOutline? from = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(WorkshopAccess.CanCreate(caller), "Seuls les coachs et les administrateurs créent des ateliers.");
        if (!Slug.IsValid(Id))
        {
            throw new ValidationFailedException("id", "Identifiant d'atelier invalide.");
        }
        RequireNew();
        var accepted = await Accept(caller, details, previousProject: null);
        var code = await DrawCode();
        var created = WorkshopRules.Create(accepted, caller.UserId, code);
        created = created with { CoachNames = await CoachNames(created.Details.Coaches) };
        if (from is not null)
        {
            created = WorkshopRules.Prepare(created, from);
        }
        if (State.Applied is not null || State.Version > 0)
        {
            // Another creation of this id ran during the awaits: it keeps the id, this code goes back.
            await GrainFactory.GetGrain<IWorkshopCodeGrain>(code).Release(Id);
            RequireNew();
        }
        await State.Apply(created);
        await PublishListing();
        return View(caller);
    }

    public Task<WorkshopView?> Get(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (State.Value is null)
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
        var accepted = await Accept(caller, details, current.Details.ProjectSlug);
        var coaches = WorkshopRules.Update(current, accepted).Details.Coaches;
        var names = await CoachNames(coaches);
        // The version check sees every change before it: what was applied is stored first.
        await State.Settled();
        current = RequireCoach(caller);
        CheckVersion(expectedVersion);
        await State.Apply(WorkshopRules.Update(current, accepted) with { CoachNames = names });
        await PublishListing();
        return View(caller);
    }

    public async Task Delete(Caller caller, long expectedVersion)
    {
        RequireCoach(caller);
        await State.Settled();
        var current = RequireCoach(caller);
        CheckVersion(expectedVersion);
        await State.Apply(null);
        await PublishListing();
        await GrainFactory.GetGrain<IWorkshopCodeGrain>(current.JoinCode).Release(Id);
    }

    public async Task<WorkshopAck> Execute(Caller caller, WorkshopCommand command)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(WorkshopAccess.CanParticipate(caller, RequireApplied()), "Vous ne pouvez pas participer à cet atelier.");
        var name = await DisplayNameOf(caller);
        // Checked again on what is applied now: other commands ran while the name was read.
        var current = RequireApplied();
        AccessPolicy.Require(WorkshopAccess.CanParticipate(caller, current), "Vous ne pouvez pas participer à cet atelier.");
        var who = new Participant(caller.UserId, name, caller.IsGuest, WorkshopAccess.CanCoach(caller, current));
        var now = clock.GetUtcNow();
        var next = command is React && !ReactionPace.Allow(who.Id, now) ? null : WorkshopRules.Apply(current, who, command, now);
        if (next is null)
        {
            return new WorkshopAck(await State.Settled());
        }
        var version = await State.Apply(next);
        if (command is EndSession or StartSession)
        {
            await PublishListing();
        }
        if (command is EndSession && next.Details.ProjectSlug is { } project)
        {
            await AttachSummary(caller, project, next);
        }
        return new WorkshopAck(version);
    }

    public async Task<GuestAdmission> AdmitGuest(string displayName)
    {
        var name = WorkshopRules.NormalizeDisplayName(displayName);
        var current = RequireApplied();
        var now = clock.GetUtcNow();
        if (current.Phase != WorkshopPhase.Ended && Admissions.TryTake(now) is { } wait)
        {
            throw new RuleViolationException("too-many-arrivals",
                $"Trop d'arrivées en même temps : réessayez dans {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.");
        }
        var guest = new Guest($"{Caller.GuestPrefix}{Id}:{Guid.NewGuid():N}", name, now);
        await State.Apply(GuestList.Admit(current, guest));
        return new GuestAdmission(Id, guest.Id, guest.DisplayName);
    }

    public Task<bool> HasGuest(string guestId) => Task.FromResult(State.Applied?.Guests.Any(g => g.Id == guestId) == true);

    public Task<WorkshopOutline> Outline(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = RequireApplied();
        AccessPolicy.Require(!caller.IsGuest && WorkshopAccess.CanObserve(caller, current), "Vous n'avez pas accès à cet atelier.");
        return Task.FromResult(WorkshopRules.Outline(current));
    }

    public Task<PlanAccess> GetPlanAccess(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = RequireApplied();
        RequireObserver(caller);
        return Task.FromResult(new PlanAccess(current.Phase != WorkshopPhase.Ended && WorkshopAccess.CanParticipate(caller, current), MayCache: false));
    }

    /// <summary>The notes feed no dashboard.</summary>
    public Task PlanCommitted(PlanFacts facts) => Task.CompletedTask;

    /// <remarks>
    /// Reads the notes from their plan document, which asks <see cref="GetPlanAccess"/> back (the grain is reentrant), and
    /// the linked project as the reader, so a project they may not read is left out.
    /// </remarks>
    public async Task<WorkshopSummary> SummaryOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var stored = Stored;
        AccessPolicy.Require(!caller.IsGuest && WorkshopAccess.CanObserve(caller, stored.Data), "Le résumé est réservé aux comptes de la plateforme.");
        var notes = (await GrainFactory.GetGrain<IPlanDocumentGrain>(PlanKey.ForWorkshopNotes(Id).ToString()).GetSnapshot(caller)).Document;
        SummaryProject? project = null;
        if (stored.Data.Details.ProjectSlug is { } slug)
        {
            try
            {
                project = await GrainFactory.GetGrain<IJointProjectGrain>(slug).Get(caller) is { } read ? new SummaryProject(slug, read.Charter.Title) : null;
            }
            catch (AccessDeniedException)
            {
                // The reader may not see the project: the summary does not name it.
            }
        }
        return WorkshopSummaries.Of(Id, stored.Data, notes, stored.Data.CoachNames, project);
    }

    public async Task<string> Summary(Caller caller, SummaryFormat format)
    {
        var summary = await SummaryOf(caller);
        return format == SummaryFormat.Csv ? WorkshopSummaries.Csv(summary) : WorkshopSummaries.Markdown(summary);
    }

    public Task<long> Watch(ILiveObserver observer) => State.Live.Watch(observer);

    public Task Unwatch(ILiveObserver observer) => State.Live.Unwatch(observer);

    /// <summary>Events come shaped for the caller (<see cref="LiveVisibility"/>), but to the relays, which shape them per connection.</summary>
    public Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (State.Value is null)
        {
            AccessPolicy.Require(!caller.IsGuest && AccessPolicy.CanReadDirectory(caller), "Vous n'avez pas accès à cet atelier.");
            // Deleted: whatever the client saw, the tombstone is all there is to know.
            return Task.FromResult(new CatchUp(State.Live.Topic, State.Version, State.Version == 0 ? [] : [State.Live.Event(ChangeKind.Snapshot, clock.GetUtcNow(), State.Meta)]));
        }
        RequireObserver(caller);
        return Task.FromResult(State.Live.CatchUp(caller, sinceVersion));
    }

    private WorkshopView View(Caller caller) => WorkshopViews.For(caller, Stored, clock.GetUtcNow());

    private WorkshopData RequireApplied() => State.Applied ?? throw new EntityNotFoundException("L'atelier");

    private void RequireNew()
    {
        if (State.Applied is not null || State.Version > 0)
        {
            throw new EntityExistsException("L'atelier");
        }
    }

    /// <summary>Observers read what is stored; a guest removed meanwhile is nobody here.</summary>
    private void RequireObserver(Caller caller) =>
        AccessPolicy.Require(WorkshopAccess.CanObserve(caller, RequireApplied()), "Vous n'avez pas accès à cet atelier.");

    private WorkshopData RequireCoach(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var current = RequireApplied();
        RequireObserver(caller);
        AccessPolicy.Require(WorkshopAccess.CanCoach(caller, current), "Seuls les coachs de l'atelier peuvent faire cela.");
        return current;
    }

    private void CheckVersion(long expectedVersion)
    {
        if (expectedVersion != State.Version)
        {
            throw new VersionConflictException(expectedVersion, State.Version);
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

    /// <summary>The coaches' display names; an address without an account shows the part before its "@", never the whole address.</summary>
    private async Task<string[]> CoachNames(string[] coaches)
    {
        var names = new string[coaches.Length];
        for (var i = 0; i < coaches.Length; i++)
        {
            names[i] = await AccountName(coaches[i]) ?? coaches[i].Split('@')[0];
        }
        return names;
    }

    private async Task<string> DisplayNameOf(Caller caller)
    {
        if (caller.IsGuest)
        {
            return RequireApplied().Guests.FirstOrDefault(g => g.Id == caller.UserId)?.DisplayName
                ?? throw new AccessDeniedException("Vous ne pouvez pas participer à cet atelier.");
        }
        return await AccountName(caller.UserId) ?? caller.UserId;
    }

    private async Task<string?> AccountName(string userId)
    {
        if (!accountNames.TryGetValue(userId, out var name))
        {
            var session = await GrainFactory.GetGrain<IUserGrain>(userId).GetSession();
            if (session is null)
            {
                return null;
            }
            name = session.DisplayName;
            accountNames[userId] = name;
        }
        return name;
    }

    /// <summary>Tells the list when what it shows changed (title, date, phase…), not on every vote.</summary>
    private async Task PublishListing()
    {
        var catalog = GrainFactory.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key);
        try
        {
            if (State.Value is null)
            {
                await catalog.Remove(Id);
                listed = null;
                return;
            }
            var listing = WorkshopViews.Listing(Stored);
            if (listed is null || Shown(listed) != Shown(listing))
            {
                await catalog.Upsert(listing);
                listed = listing;
            }
        }
        catch (Exception exception) when (exception is not DomainException)
        {
            // The workshop's change is durable; the list heals when this grain next activates.
            LogListingFailed(exception, Id, State.Version);
        }
    }

    private static string Shown(WorkshopListing listing) =>
        string.Join('\n', listing.Title, listing.StartsAt.UtcTicks, listing.DurationMinutes, listing.ProjectSlug, string.Join(',', listing.Coaches), listing.Phase);

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
