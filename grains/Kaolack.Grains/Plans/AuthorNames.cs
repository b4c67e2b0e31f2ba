using Kaolack.Contracts.Accounts;

namespace Kaolack.Grains.Plans;

/// <summary>The display names of a plan's authors, asked of their accounts once per activation: history and named versions show them next to the e-mail.</summary>
internal sealed class AuthorNames(IGrainFactory grains)
{
    private const int Limit = 1000;

    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public async Task<string> Of(Caller caller)
    {
        if (names.TryGetValue(caller.UserId, out var known))
        {
            return known;
        }
        var account = caller.UserId == Caller.SystemId ? null : await grains.GetGrain<IUserGrain>(caller.UserId).Get();
        var name = account?.DisplayName is { Length: > 0 } displayName ? displayName : caller.UserId;
        if (names.Count >= Limit)
        {
            names.Clear();
        }
        names[caller.UserId] = name;
        return name;
    }
}
