namespace Kaolack.Contracts.Accounts;

/// <summary>
/// Every account, listed (key <see cref="Key"/>): what admins search, and where a project finds its members' names.
/// Accounts keep it current after each change and on activation; it is a read model, never the source of truth.
/// </summary>
public interface IAccountDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "accounts";

    /// <summary>Adds or replaces the account's entry unless a newer version is held.</summary>
    Task Upsert(Account account, long version);

    /// <summary>Admins only.</summary>
    [ReadOnly]
    Task<AccountPage> Search(Caller caller, AccountQuery query);

    /// <summary>The accounts of these addresses that exist, in the order asked; for server code that already checked access.</summary>
    [ReadOnly]
    Task<Account[]> Lookup(string[] emails);
}
