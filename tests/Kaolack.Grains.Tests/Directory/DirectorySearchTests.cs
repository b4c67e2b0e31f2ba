using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Directory;
using Kaolack.Grains.Entities;

namespace Kaolack.Grains.Tests.Directory;

public sealed class DirectorySearchTests
{
    private static readonly DirectoryEntry[] Entries =
    [
        Entry("union-cerealiere", "Union céréalière de Kaolack", Region.Kaolack, ["Céréales"], summary: "Mil et maïs."),
        Entry("gie-bok-jom", "GIE Bok Jom", Region.Kaolack, ["Sel"], summary: "Transformation des céréales et du sel."),
        Entry("coop-oujda", "Coopérative d'Oujda", Region.Oriental, ["Huile d'olive"], keywords: ["Céréales anciennes"]),
        Entry("amandes-berkane", "Amandes de Berkane", Region.Oriental, ["Amandes"], status: ProjectStatus.Active),
        Entry("arachide-active", "Arachide solidaire", Region.Kaolack, ["Arachide"], status: ProjectStatus.Active),
    ];

    [Fact]
    public void An_empty_query_lists_everything_in_alphabetical_order()
    {
        var page = DirectorySearch.Run(Entries, new DirectoryQuery());
        Assert.Equal(5, page.Total);
        Assert.Equal(
            ["amandes-berkane", "arachide-active", "coop-oujda", "gie-bok-jom", "union-cerealiere"],
            page.Items.Select(e => e.Slug));
    }

    [Fact]
    public void Search_ignores_accents_and_case_so_cereales_finds_Cereales()
    {
        var page = DirectorySearch.Run(Entries, new DirectoryQuery { Text = "CEREALES" });
        Assert.Equal(3, page.Total);
        Assert.Equal(["coop-oujda", "gie-bok-jom", "union-cerealiere"], page.Items.Select(e => e.Slug).Order(StringComparer.Ordinal));

        var accented = DirectorySearch.Run(Entries, new DirectoryQuery { Text = "céréalière" });
        Assert.Equal(["union-cerealiere"], accented.Items.Select(e => e.Slug));
    }

    [Fact]
    public void Every_word_must_match_somewhere_in_the_entry()
    {
        var both = DirectorySearch.Run(Entries, new DirectoryQuery { Text = "cereales sel" });
        Assert.Equal(["gie-bok-jom"], both.Items.Select(e => e.Slug));

        var none = DirectorySearch.Run(Entries, new DirectoryQuery { Text = "cereales berkane" });
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Items);
    }

    [Fact]
    public void Entries_whose_name_matches_rank_first_then_alphabetical()
    {
        // "Union céréalière" matches by name; the others only by summary or keywords.
        var page = DirectorySearch.Run(Entries, new DirectoryQuery { Text = "cereal" });
        Assert.Equal(["union-cerealiere", "coop-oujda", "gie-bok-jom"], page.Items.Select(e => e.Slug));
    }

    [Fact]
    public void Region_filter_keeps_only_entries_of_that_region()
    {
        var page = DirectorySearch.Run(Entries, new DirectoryQuery { Region = Region.Oriental });
        Assert.Equal(["amandes-berkane", "coop-oujda"], page.Items.Select(e => e.Slug));
    }

    [Fact]
    public void Value_chain_filter_matches_without_accents()
    {
        var page = DirectorySearch.Run(Entries, new DirectoryQuery { ValueChain = "cereales" });
        Assert.Equal(["union-cerealiere"], page.Items.Select(e => e.Slug));
    }

    [Fact]
    public void Status_filter_keeps_only_entries_with_that_status()
    {
        var page = DirectorySearch.Run(Entries, new DirectoryQuery { Status = ProjectStatus.Active });
        Assert.Equal(["amandes-berkane", "arachide-active"], page.Items.Select(e => e.Slug));
    }

    [Fact]
    public void Legal_form_filter_keeps_only_cooperatives_of_that_form()
    {
        var entries = Entries.Select(e => e.Slug == "gie-bok-jom" ? e with { LegalForm = LegalForm.Gie } : e.Slug == "union-cerealiere" ? e with { LegalForm = LegalForm.Cooperative } : e);
        var page = DirectorySearch.Run(entries, new DirectoryQuery { LegalForm = LegalForm.Gie });
        Assert.Equal(["gie-bok-jom"], page.Items.Select(e => e.Slug));
    }

    [Fact]
    public void A_cooperative_summary_carries_its_legal_form_for_the_filter()
    {
        var meta = new EntityMeta("gie-bok-jom", 4, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var entry = CooperativeRules.ToDirectoryEntry(new CooperativeProfile { Name = "GIE Bok Jom", LegalForm = LegalForm.Gie }, meta);
        Assert.Equal((LegalForm.Gie, 2), (entry.LegalForm, entry.Format));
        Assert.Single(DirectorySearch.Run([entry], new DirectoryQuery { LegalForm = LegalForm.Gie }).Items);
        Assert.Empty(DirectorySearch.Run([entry], new DirectoryQuery { LegalForm = LegalForm.Pme }).Items);
    }

    [Fact]
    public void Filters_and_text_combine()
    {
        var kaolack = DirectorySearch.Run(Entries, new DirectoryQuery { Text = "cereales", Region = Region.Kaolack });
        Assert.Equal(["gie-bok-jom", "union-cerealiere"], kaolack.Items.Select(e => e.Slug));

        var oriental = DirectorySearch.Run(Entries, new DirectoryQuery { Text = "cereales", Region = Region.Oriental });
        Assert.Equal(["coop-oujda"], oriental.Items.Select(e => e.Slug));
    }

    [Fact]
    public void Paging_returns_the_requested_slice_and_the_total_of_all_matches()
    {
        var first = DirectorySearch.Run(Entries, new DirectoryQuery { Page = 1, PageSize = 2 });
        var second = DirectorySearch.Run(Entries, new DirectoryQuery { Page = 2, PageSize = 2 });
        var third = DirectorySearch.Run(Entries, new DirectoryQuery { Page = 3, PageSize = 2 });
        var beyond = DirectorySearch.Run(Entries, new DirectoryQuery { Page = 4, PageSize = 2 });

        Assert.Equal(["amandes-berkane", "arachide-active"], first.Items.Select(e => e.Slug));
        Assert.Equal(["coop-oujda", "gie-bok-jom"], second.Items.Select(e => e.Slug));
        Assert.Equal(["union-cerealiere"], third.Items.Select(e => e.Slug));
        Assert.Empty(beyond.Items);
        Assert.All(new[] { first, second, third, beyond }, page => Assert.Equal((5, 2), (page.Total, page.PageSize)));
        Assert.Equal(3, third.Page);
    }

    [Theory]
    [InlineData(int.MaxValue, 20)]
    [InlineData(int.MaxValue, DirectoryQuery.MaxPageSize)]
    [InlineData(50_000_000, 100)]
    public void A_page_far_beyond_the_last_is_empty(int page, int pageSize)
    {
        var result = DirectorySearch.Run(Entries, new DirectoryQuery { Page = page, PageSize = pageSize });
        Assert.Empty(result.Items);
        Assert.Equal((5, page), (result.Total, result.Page));
    }

    [Theory]
    [InlineData(0, 20, "page")]
    [InlineData(-1, 20, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, DirectoryQuery.MaxPageSize + 1, "pageSize")]
    public void Invalid_paging_is_refused_under_its_field(int page, int pageSize, string field)
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            DirectorySearch.Run(Entries, new DirectoryQuery { Page = page, PageSize = pageSize }));
        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public void The_largest_page_size_is_allowed() =>
        Assert.Equal(5, DirectorySearch.Run(Entries, new DirectoryQuery { PageSize = DirectoryQuery.MaxPageSize }).Items.Length);

    private static DirectoryEntry Entry(
        string slug, string name, Region region, string[] valueChains,
        string summary = "", string[]? keywords = null, ProjectStatus? status = null) => new()
    {
        Kind = status is null ? EntityKind.Cooperative : EntityKind.Project,
        Slug = slug,
        Name = name,
        Regions = [region],
        ValueChains = valueChains,
        Summary = summary,
        Keywords = keywords ?? [],
        Status = status,
        Version = 1,
    };
}
