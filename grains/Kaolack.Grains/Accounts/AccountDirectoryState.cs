using Kaolack.Contracts.Accounts;

namespace Kaolack.Grains.Accounts;

[GenerateSerializer, Immutable, Alias("kaolack.account-directory-state.v1")]
public sealed record AccountDirectoryState
{
    /// <summary>By address: each account as last published, with the account's version then.</summary>
    [Id(0)] public Dictionary<string, AccountEntry> Accounts { get; init; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Immutable, Alias("kaolack.account-entry.v1")]
public sealed record AccountEntry([property: Id(0)] Account Account, [property: Id(1)] long Version);
