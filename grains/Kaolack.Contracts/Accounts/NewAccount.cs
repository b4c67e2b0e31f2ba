namespace Kaolack.Contracts.Accounts;

/// <summary>An account an admin opens for someone, who then sets their password through an e-mailed link.</summary>
[GenerateSerializer, Immutable]
public sealed record NewAccount
{
    [Id(0)] public string Email { get; init; } = "";
    [Id(1)] public string DisplayName { get; init; } = "";
    [Id(2)] public string Organisation { get; init; } = "";
    [Id(3)] public UserRegion Region { get; init; }
    [Id(4)] public UiLanguage Language { get; init; }
    [Id(5)] public Role[] Roles { get; init; } = [Role.Member];
}
