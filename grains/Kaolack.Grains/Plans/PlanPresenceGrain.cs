using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Grains.Common;
using Kaolack.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Grains.Plans;

/// <summary>
/// Who is in a project's plan right now, in memory only: an entry per client, refreshed by each update
/// and dropped once not seen for <see cref="PresenceOptions.Ttl"/>. Every change is published whole
/// (a snapshot), with a version that keeps increasing across activations; pushes are coalesced
/// (<see cref="PresenceOptions.PushInterval"/>), so however fast updates come, a watcher receives a few lists a second.
/// </summary>
public sealed class PlanPresenceGrain(
    TimeProvider clock,
    IOptions<PresenceOptions> options,
    ILogger<PlanPresenceGrain> logger)
    : Grain, IPlanPresenceGrain
{
    /// <summary>Clients held at once; beyond, the longest unseen is dropped.</summary>
    public const int EntryLimit = 200;

    public const int MaxClientIdLength = 64;

    public const int MaxDisplayNameLength = 100;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, PresenceEntry> entries = new(StringComparer.Ordinal);
    private PlanAccessCache? access;
    private LivePublisher? live;
    private ThrottledPush? pushes;
    private long version;

    private string Slug => this.GetPrimaryKeyString();

    private LivePublisher Live => live ??= LivePublisher.SnapshotsOnly(Topic.ForPresence(Slug), GrainContext.Deactivated, () => version,
        () => new PresenceList([.. entries.Values.OrderBy(e => e.SeenAt).ThenBy(e => e.ClientId, StringComparer.Ordinal)]), clock, logger);

    private PlanAccessCache Access => access ??= new PlanAccessCache(PlanKey.Parse(Slug).Owner(GrainFactory), clock);

    private ThrottledPush Pushes => pushes ??= new ThrottledPush(this, options.Value.PushInterval, clock, Push);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        version = clock.GetUtcNow().ToUnixTimeMilliseconds();
        this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions(SweepInterval, SweepInterval));
        return base.OnActivateAsync(cancellationToken);
    }

    public Task AccessChanged()
    {
        access?.Forget();
        return Live.AccessChanged();
    }

    public async Task Update(Caller caller, string displayName, PresenceUpdate update)
    {
        Validate(update);
        await Access.Require(caller, edit: false);
        if (entries.TryGetValue(update.ClientId, out var existing) && existing.UserId != caller.UserId)
        {
            throw new AccessDeniedException("Ce client appartient à un autre compte.");
        }
        var name = string.IsNullOrWhiteSpace(displayName) ? caller.UserId : displayName.Trim();
        if (name.Length > MaxDisplayNameLength)
        {
            name = name[..MaxDisplayNameLength];
        }
        entries[update.ClientId] = new PresenceEntry(update.ClientId, caller.UserId, name,
            update.Kind, update.EntityId, update.Field, update.Cursor, clock.GetUtcNow());
        if (entries.Count > EntryLimit)
        {
            foreach (var stale in entries.Values.OrderBy(e => e.SeenAt).Take(entries.Count - EntryLimit).Select(e => e.ClientId).ToList())
            {
                entries.Remove(stale);
            }
        }
        Changed();
    }

    public async Task Leave(Caller caller, string clientId)
    {
        await Access.Require(caller, edit: false);
        if (!entries.TryGetValue(clientId ?? "", out var entry))
        {
            return;
        }
        AccessPolicy.Require(entry.UserId == caller.UserId, "Seul son propre client peut quitter le plan.");
        entries.Remove(entry.ClientId);
        Changed();
    }

    public Task OnPlanChange(PlanChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var op = change.Op;
        if (op.Type != PlanOpType.Text || op.Text is not { } text)
        {
            return Task.CompletedTask;
        }
        var moved = false;
        foreach (var entry in entries.Values.ToList())
        {
            if (entry.Cursor is not { } cursor || entry.Kind != op.Kind || entry.EntityId != op.Id || entry.Field != op.Field)
            {
                continue;
            }
            var next = TextOt.TransformCursor(cursor, text, isOwnOp: entry.ClientId == change.ClientId);
            if (next != cursor)
            {
                entries[entry.ClientId] = entry with { Cursor = next };
                moved = true;
            }
        }
        if (moved)
        {
            Changed();
        }
        return Task.CompletedTask;
    }

    public Task<long> Watch(ILiveObserver observer) => Live.Watch(observer);

    public Task Unwatch(ILiveObserver observer) => Live.Unwatch(observer);

    public async Task<CatchUp> CatchUp(Caller caller, long? sinceVersion)
    {
        await Access.Require(caller, edit: false);
        return Live.CatchUp(caller, sinceVersion);
    }

    private Task Sweep(CancellationToken cancellationToken)
    {
        var oldest = clock.GetUtcNow() - options.Value.Ttl;
        var gone = entries.Values.Where(e => e.SeenAt <= oldest).Select(e => e.ClientId).ToList();
        foreach (var clientId in gone)
        {
            entries.Remove(clientId);
        }
        if (gone.Count > 0)
        {
            Changed();
        }
        return Task.CompletedTask;
    }

    private void Changed() => Pushes.Changed();

    private Task Push()
    {
        version = Math.Max(version + 1, clock.GetUtcNow().ToUnixTimeMilliseconds());
        return Live.PublishState(ChangeKind.Snapshot, clock.GetUtcNow());
    }

    private static void Validate(PresenceUpdate update)
    {
        if (update is null)
        {
            throw new ValidationFailedException("update", "Présence manquante.");
        }
        var v = new Validation();
        if (string.IsNullOrEmpty(update.ClientId) || update.ClientId.Length > MaxClientIdLength)
        {
            v.Add("clientId", $"Identifiant de client attendu ({MaxClientIdLength} caractères au plus).");
        }
        if (update.Kind is { } kind)
        {
            v.Defined("kind", kind);
            if (!PlanRules.IsId(update.EntityId))
            {
                v.Add("entityId", "Identifiant d'entité attendu avec son genre.");
            }
            if (update.Field is { } field && !PlanFields.Scalars(kind).Contains(field) && !PlanFields.Texts(kind).Contains(field))
            {
                v.Add("field", $"Champ inconnu pour {kind}.");
            }
        }
        else if (update.EntityId is not null || update.Field is not null)
        {
            v.Add("kind", "Genre d'entité attendu avec son identifiant ou son champ.");
        }
        if (update.Cursor is { } cursor && (cursor < 0 || update.Field is null))
        {
            v.Add("cursor", "Position positive ou nulle attendue, dans un champ.");
        }
        v.ThrowIfInvalid();
    }
}
