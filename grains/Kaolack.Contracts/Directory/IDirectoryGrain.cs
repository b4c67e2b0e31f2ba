using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;

namespace Kaolack.Contracts.Directory;

/// <summary>
/// The searchable listing of one entity kind, keyed by the kind's plural name ("cooperatives", …).
/// Entity grains keep it current; it is a read model, never the source of truth.
/// </summary>
public interface IDirectoryGrain : ILiveSource
{
    /// <summary>Adds or replaces an entry; ignored when the directory already holds this version or a newer one.</summary>
    Task Upsert(DirectoryEntry entry);

    /// <summary>Removes an entry unless the directory holds a newer version than <paramref name="entityVersion"/>.</summary>
    Task Remove(string slug, long entityVersion);

    /// <summary>Only the entries the caller may read.</summary>
    [ReadOnly]
    Task<DirectoryPage> Search(Caller caller, DirectoryQuery query);
}
