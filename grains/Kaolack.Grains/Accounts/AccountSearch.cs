using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Accounts;

/// <summary>Searching the accounts list: every word somewhere in the address, name or organisation (accents and case ignored).</summary>
public static class AccountSearch
{
    public const int MaxPageSize = 100;

    public static AccountPage Run(IEnumerable<Account> accounts, AccountQuery query)
    {
        var v = new Validation();
        if (query.Page < 1)
        {
            v.Add("page", "La page commence à 1.");
        }
        v.Range("pageSize", query.PageSize, 1, MaxPageSize);
        v.MaxLength("q", query.Text ?? "", 200);
        v.ThrowIfInvalid();

        var words = Text.Fold(Text.Clean(query.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = accounts
            .Where(a => words.Length == 0 || words.All(Text.Fold($"{a.Email} {a.DisplayName} {a.Organisation}").Contains))
            .OrderBy(a => Text.Fold(a.DisplayName), StringComparer.Ordinal)
            .ThenBy(a => a.Email, StringComparer.Ordinal)
            .ToList();
        var skip = (int)Math.Min((long)(query.Page - 1) * query.PageSize, matches.Count);
        return new AccountPage([.. matches.Skip(skip).Take(query.PageSize)], query.Page, query.PageSize, matches.Count);
    }
}
