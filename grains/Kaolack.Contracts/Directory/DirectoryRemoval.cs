namespace Kaolack.Contracts.Directory;

[GenerateSerializer, Immutable]
public sealed record DirectoryRemoval([property: Id(0)] string Slug);
