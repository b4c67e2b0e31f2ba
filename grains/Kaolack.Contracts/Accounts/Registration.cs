namespace Kaolack.Contracts.Accounts;

[GenerateSerializer, Immutable]
public sealed record Registration
{
    [Id(0)] public string Email { get; init; } = "";
    [Id(1)] public string Password { get; init; } = "";
    [Id(2)] public string DisplayName { get; init; } = "";
    [Id(3)] public string Organisation { get; init; } = "";
    [Id(4)] public UserRegion Region { get; init; }
    [Id(5)] public UiLanguage Language { get; init; }
}
