namespace Kaolack.Contracts.Accounts;

/// <summary>A search of the accounts list (admins): free text over address, name and organisation; pages from 1.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountQuery(
    [property: Id(0)] string? Text,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize);
