using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;

namespace Kaolack.Grains.Plans;

/// <summary>
/// A plan's named versions, oldest first: names are 1–80 characters once trimmed and unique in the plan ignoring case (a
/// list where two entries read "Avant la foire" invites restoring the wrong one), at most 200 per plan.
/// </summary>
public sealed class PlanVersions(IEnumerable<PlanVersionInfo> saved)
{
    public const int MaxNameLength = 80;

    public const int MaxCount = 200;

    private readonly List<PlanVersionInfo> list = [.. saved];

    public PlanVersionInfo[] All => [.. list];

    /// <summary>The name trimmed, or a refusal when it is empty or too long.</summary>
    public static string ValidName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is 0 or > MaxNameLength
            ? throw new ValidationFailedException("name", $"Nom de version attendu : 1 à {MaxNameLength} caractères.")
            : trimmed;
    }

    /// <summary>
    /// Lists a new version under the next id, then has its document stored (<paramref name="storeDocument"/>, given the id):
    /// listed at once, so that a concurrent save of the same name is refused, and withdrawn if it cannot be stored.
    /// Refused when the name is taken or the plan has its maximum.
    /// </summary>
    public async Task<PlanVersionInfo> Save(string name, long version, string userId, string displayName, DateTimeOffset at, Func<long, Task> storeDocument)
    {
        ArgumentNullException.ThrowIfNull(storeDocument);
        var info = Add(name, version, userId, displayName, at);
        try
        {
            await storeDocument(info.Id);
        }
        catch
        {
            list.Remove(info);
            throw;
        }
        return info;
    }

    private PlanVersionInfo Add(string name, long version, string userId, string displayName, DateTimeOffset at)
    {
        if (list.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new EntityExistsException($"La version « {name} »");
        }
        if (list.Count >= MaxCount)
        {
            throw new RuleViolationException("plan-version-limit", $"{MaxCount} versions nommées au plus par plan.");
        }
        var info = new PlanVersionInfo(list.Count == 0 ? 1 : list[^1].Id + 1, name, version, userId, displayName, at);
        list.Add(info);
        return info;
    }

    public PlanVersionInfo Find(long id) => list.FirstOrDefault(v => v.Id == id) ?? throw new EntityNotFoundException("La version nommée");
}
