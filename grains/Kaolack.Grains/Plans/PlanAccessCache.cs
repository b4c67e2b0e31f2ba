using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Plans;

/// <summary>
/// Who may read and edit one plan document, asked of its owner (<see cref="IPlanOwner"/>: a project, a workshop, …) and,
/// when the owner allows it, kept <see cref="CacheTime"/> per caller: a plan takes ops far faster than its owner should
/// be asked. The owner tells the document when access changes (<see cref="IPlanDocumentGrain.AccessChanged"/>), which
/// <see cref="Forget"/>s every answer, so none outlives a membership change. The one place a plan document decides
/// access; the plan grain and its presence both use it.
/// </summary>
internal sealed class PlanAccessCache(IPlanOwner owner, TimeProvider clock)
{
    /// <summary>How long an answer is kept when nothing tells the document that access changed.</summary>
    public static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, (bool CanEdit, DateTimeOffset Until)> access = new(StringComparer.Ordinal);

    /// <summary>Counts <see cref="Forget"/>s: an answer asked before one may predate the change, so it is asked again.</summary>
    private long generation;

    /// <summary>Refused (<see cref="AccessDeniedException"/>) unless the caller reads the document, and edits it when <paramref name="edit"/>.</summary>
    public async Task Require(Caller caller, bool edit)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = $"{caller.UserId}|{string.Join(',', caller.Roles)}";
        var now = clock.GetUtcNow();
        if (!access.TryGetValue(key, out var cached) || cached.Until <= now)
        {
            PlanAccess answer;
            long asked;
            var attempts = 0;
            do
            {
                asked = generation;
                answer = await owner.GetPlanAccess(caller);
            }
            while (asked != generation && ++attempts < 3);
            cached = (answer.CanEdit, answer.MayCache && asked == generation ? now + CacheTime : now);
            access[key] = cached;
            foreach (var stale in access.Where(a => a.Value.Until <= now).Select(a => a.Key).ToList())
            {
                access.Remove(stale);
            }
        }
        AccessPolicy.Require(!edit || cached.CanEdit, "Seuls les propriétaires et éditeurs du projet modifient son plan.");
    }

    /// <summary>Access changed: every kept answer goes, and answers being asked now are not kept.</summary>
    public void Forget()
    {
        generation++;
        access.Clear();
    }
}
