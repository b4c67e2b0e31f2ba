namespace Kaolack.Contracts.Directory;

[GenerateSerializer, Immutable]
public sealed record DirectoryPage(
    [property: Id(0)] DirectoryEntry[] Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] int Total);
