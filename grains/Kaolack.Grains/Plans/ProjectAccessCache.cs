using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Plans;

/// <summary>
/// Who may read and edit one project's plan, asked of the project grain and cached a few seconds per caller:
/// project readers read the plan (and show presence in it), its owners and editors (and admins) edit it.
/// A workshop's notes (key "{id}--notes", see <see cref="WorkshopNotes"/>) ask the workshop instead: its observers
/// read them, its participants edit them while the session has not ended.
/// </summary>
internal sealed class ProjectAccessCache(IGrainFactory grains, string projectSlug, TimeProvider clock)
{
    public static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, (bool CanEdit, DateTimeOffset Until)> access = new(StringComparer.Ordinal);

    /// <summary>Refused (<see cref="AccessDeniedException"/>) unless the caller reads the project, and edits it when <paramref name="edit"/>.</summary>
    public async Task Require(Caller caller, bool edit)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = $"{caller.UserId}|{string.Join(',', caller.Roles)}";
        var now = clock.GetUtcNow();
        if (!access.TryGetValue(key, out var cached) || cached.Until <= now)
        {
            // A workshop's notes freeze the moment its session ends, so that answer is never kept (the workshop answers from memory).
            cached = (await CanEdit(caller), WorkshopNotes.TryWorkshopOf(projectSlug, out _) ? now : now + CacheTime);
            access[key] = cached;
            foreach (var stale in access.Where(a => a.Value.Until <= now).Select(a => a.Key).ToList())
            {
                access.Remove(stale);
            }
        }
        AccessPolicy.Require(!edit || cached.CanEdit, "Seuls les propriétaires et éditeurs du projet modifient son plan.");
    }

    /// <summary>Refused when the caller may not read the document at all.</summary>
    private async Task<bool> CanEdit(Caller caller)
    {
        if (WorkshopNotes.TryWorkshopOf(projectSlug, out var workshopId))
        {
            return await grains.GetGrain<IWorkshopGrain>(workshopId).CanEditNotes(caller);
        }
        var project = await grains.GetGrain<IJointProjectGrain>(projectSlug).Get(caller)
            ?? throw new EntityNotFoundException("Le projet");
        return AccessPolicy.CanEditProject(caller, project.Members);
    }
}
