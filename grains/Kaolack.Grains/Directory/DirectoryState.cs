using Kaolack.Contracts.Directory;

namespace Kaolack.Grains.Directory;

[GenerateSerializer, Alias("kaolack.directory-state.v1")]
public sealed class DirectoryState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public Dictionary<string, DirectoryEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
