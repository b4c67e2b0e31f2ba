using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Suggestions;

namespace Kaolack.Contracts.Directory;

/// <summary>
/// The searchable listing of one entity kind, keyed by the kind's plural name ("cooperatives", …).
/// Entity grains keep it current; it is a read model, never the source of truth.
/// </summary>
public interface IDirectoryGrain : ILiveSource
{
    /// <summary>
    /// Adds or replaces an entry; ignored when the directory already holds a newer version, or this version in the
    /// same or a newer <see cref="DirectoryEntry.Format"/>.
    /// </summary>
    Task Upsert(DirectoryEntry entry);

    /// <summary>Removes an entry unless the directory holds a newer version than <paramref name="entityVersion"/>.</summary>
    Task Remove(string slug, long entityVersion);

    /// <summary>Only the entries the caller may read.</summary>
    [ReadOnly]
    Task<DirectoryPage> Search(Caller caller, DirectoryQuery query);

    /// <summary>The entries of these slugs that exist and the caller may read, in the order asked.</summary>
    [ReadOnly]
    Task<DirectoryEntry[]> Lookup(Caller caller, string[] slugs);

    /// <summary>This directory's best candidates for <paramref name="request"/>, at most its limit, best first.</summary>
    [ReadOnly]
    Task<PartnerSuggestion[]> Suggest(Caller caller, SuggestionRequest request);
}
