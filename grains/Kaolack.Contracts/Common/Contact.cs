namespace Kaolack.Contracts.Common;

[GenerateSerializer, Immutable]
public sealed record Contact
{
    [Id(0)] public string? Person { get; init; }
    [Id(1)] public string? Email { get; init; }
    [Id(2)] public string? Phone { get; init; }
}
