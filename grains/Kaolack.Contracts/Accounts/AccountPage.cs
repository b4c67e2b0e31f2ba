namespace Kaolack.Contracts.Accounts;

[GenerateSerializer, Immutable]
public sealed record AccountPage(
    [property: Id(0)] Account[] Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] int Total);
