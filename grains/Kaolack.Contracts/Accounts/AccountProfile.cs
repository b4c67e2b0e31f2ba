namespace Kaolack.Contracts.Accounts;

/// <summary>What an account's owner changes about themselves on "My account".</summary>
[GenerateSerializer, Immutable]
public sealed record AccountProfile
{
    [Id(0)] public string DisplayName { get; init; } = "";
    [Id(1)] public string Organisation { get; init; } = "";
    [Id(2)] public UserRegion Region { get; init; }
    /// <summary>The interface's language on every device, and the language of the e-mails the account receives.</summary>
    [Id(3)] public UiLanguage Language { get; init; }
}
