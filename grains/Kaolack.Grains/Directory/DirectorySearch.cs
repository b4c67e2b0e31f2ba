using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Directory;

/// <summary>Filtering, ranking and paging of directory entries, independent of where they are held.</summary>
public static class DirectorySearch
{
    public static void Validate(DirectoryQuery query)
    {
        var v = new Validation();
        if (query.Page < 1)
        {
            v.Add("page", "La page commence à 1.");
        }
        v.Range("pageSize", query.PageSize, 1, DirectoryQuery.MaxPageSize);
        v.MaxLength("q", query.Text ?? "", 200);
        v.MaxLength("valueChain", query.ValueChain ?? "", 60);
        if (query.Region is { } region)
        {
            v.Defined("region", region);
        }
        if (query.Status is { } status)
        {
            v.Defined("status", status);
        }
        if (query.LegalForm is { } legalForm)
        {
            v.Defined("legalForm", legalForm);
        }
        if (query.OrganisationKind is { } organisationKind)
        {
            v.Defined("organisationKind", organisationKind);
        }
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// Every word of the free text must appear somewhere in the entry (accents and case ignored).
    /// Entries whose name matches rank first, then alphabetical order.
    /// </summary>
    public static DirectoryPage Run(IEnumerable<DirectoryEntry> entries, DirectoryQuery query)
    {
        Validate(query);
        var words = Text.Fold(Text.Clean(query.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var chain = string.IsNullOrWhiteSpace(query.ValueChain) ? null : Text.Fold(Text.Clean(query.ValueChain));

        var matches = entries
            .Where(e => query.Region is not { } region || e.Regions.Contains(region))
            .Where(e => query.Status is not { } status || e.Status == status)
            .Where(e => query.LegalForm is not { } legalForm || e.LegalForm == legalForm)
            .Where(e => query.OrganisationKind is not { } organisationKind || e.OrganisationKind == organisationKind)
            .Where(e => chain is null || e.ValueChains.Any(c => Text.Fold(c).Contains(chain, StringComparison.Ordinal)))
            .Select(e => (Entry: e, Name: Text.Fold(e.Name), Haystack: Haystack(e)))
            .Where(m => words.All(w => m.Haystack.Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(m => words.Length > 0 && words.All(w => m.Name.Contains(w, StringComparison.Ordinal)))
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Entry.Slug, StringComparer.Ordinal)
            .Select(m => m.Entry)
            .ToList();

        // In long: (page - 1) * pageSize overflows int for huge pages, and a negative Skip would return page 1.
        var skip = (int)Math.Min((long)(query.Page - 1) * query.PageSize, matches.Count);
        var items = matches.Skip(skip).Take(query.PageSize).ToArray();
        return new DirectoryPage(items, query.Page, query.PageSize, matches.Count);
    }

    /// <summary>
    /// Whether <paramref name="incoming"/> should replace <paramref name="held"/>: a newer version, or the same version
    /// summarised in a newer format. Anything else is a repeat, ignored.
    /// </summary>
    public static bool Supersedes(DirectoryEntry incoming, DirectoryEntry held) =>
        incoming.Version > held.Version || (incoming.Version == held.Version && incoming.Format > held.Format);

    private static string Haystack(DirectoryEntry e) =>
        Text.Fold(string.Join(' ', [e.Name, e.Place, e.Summary, e.Slug, .. e.ValueChains, .. e.Keywords]));
}
