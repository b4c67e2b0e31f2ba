using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Suggestions;

namespace Kaolack.Grains.Directory;

/// <summary>Asks the directories of both partner kinds at once and merges their best candidates.</summary>
internal static class SuggestionDirectories
{
    private static readonly EntityKind[] PartnerKinds = [EntityKind.Cooperative, EntityKind.DiasporaGroup];

    public static async Task<PartnerSuggestionList> Suggest(IGrainFactory grains, Caller caller, SuggestionRequest request)
    {
        var lists = await Task.WhenAll(PartnerKinds.Select(kind => grains.GetGrain<IDirectoryGrain>(kind.Plural()).Suggest(caller, request)));
        return new PartnerSuggestionList(PartnerSuggestions.Merge(lists.SelectMany(list => list), request.Limit));
    }
}
