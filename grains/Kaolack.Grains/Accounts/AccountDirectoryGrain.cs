using Kaolack.Contracts.Accounts;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Common;
using Kaolack.Grains.Hosting;

namespace Kaolack.Grains.Accounts;

/// <summary>
/// Every account in one list, held in memory and stored in Blob storage (it grows with the programme), like the
/// organisations' directory. Search is a scan of small records.
/// </summary>
public sealed class AccountDirectoryGrain(
    [PersistentState("accounts", StorageNames.Documents)] IPersistentState<AccountDirectoryState> store)
    : Grain, IAccountDirectoryGrain
{
    public async Task Upsert(Account account, long version)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (store.State.Accounts.TryGetValue(account.Email, out var held) && held.Version >= version)
        {
            return;
        }
        var accounts = new Dictionary<string, AccountEntry>(store.State.Accounts, StringComparer.Ordinal)
        {
            [account.Email] = new AccountEntry(account, version),
        };
        await store.WriteOrRollback(store.State with { Accounts = accounts }, DeactivateOnIdle);
    }

    public Task<AccountPage> Search(Caller caller, AccountQuery query)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        AccessPolicy.Require(caller.IsAdmin, "Seuls les administrateurs consultent la liste des comptes.");
        return Task.FromResult(AccountSearch.Run(store.State.Accounts.Values.Select(e => e.Account), query));
    }

    public Task<Account[]> Lookup(string[] emails)
    {
        ArgumentNullException.ThrowIfNull(emails);
        return Task.FromResult<Account[]>([.. emails.Select(email => store.State.Accounts.GetValueOrDefault(email)?.Account).OfType<Account>()]);
    }
}
