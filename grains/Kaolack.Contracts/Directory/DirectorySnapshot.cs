namespace Kaolack.Contracts.Directory;

/// <summary>The whole listing, sent to a live client that cannot be caught up event by event.</summary>
[GenerateSerializer, Immutable]
public sealed record DirectorySnapshot([property: Id(0)] DirectoryEntry[] Entries);
