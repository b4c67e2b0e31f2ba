using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;

namespace Kaolack.Api.Directory;

public static class DirectoryEndpoints
{
    public static Task<DirectoryPage> Search(IGrainFactory grains, Caller caller, EntityKind kind, DirectoryQuery query) =>
        grains.GetGrain<IDirectoryGrain>(kind.Plural()).Search(caller, query);
}
