using Kaolack.Contracts.Directory;

namespace Kaolack.Api.Tests.Directory;

public sealed class DirectorySearchTests(DirectorySearchFixture directory) : IClassFixture<DirectorySearchFixture>
{
    private readonly HttpClient http = directory.Admin;

    [Fact]
    public async Task Listing_without_parameters_returns_the_first_page_of_20_and_the_exact_total()
    {
        var raw = await (await http.GetAsync("/api/cooperatives")).Read<System.Text.Json.JsonElement>();
        var page = await List("/api/cooperatives");

        Assert.Equal(["items", "page", "pageSize", "total"], raw.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.Equal(25, page.Total);
        Assert.Equal(1, page.Page);
        Assert.Equal(20, page.PageSize);
        Assert.Equal(20, page.Items.Length);
        Assert.All(page.Items, item => Assert.Equal(EntityKind.Cooperative, item.Kind));
    }

    [Fact]
    public async Task Pages_have_the_requested_size_do_not_overlap_and_cover_every_cooperative()
    {
        var pages = new List<DirectoryPage>();
        for (var number = 1; number <= 4; number++)
        {
            pages.Add(await List($"/api/cooperatives?page={number}&pageSize=10"));
        }

        Assert.Equal([10, 10, 5, 0], pages.Select(p => p.Items.Length));
        Assert.All(pages, p => Assert.Equal(25, p.Total));
        Assert.All(pages, p => Assert.Equal(10, p.PageSize));
        Assert.Equal([1, 2, 3, 4], pages.Select(p => p.Page));
        var slugs = pages.SelectMany(p => p.Items).Select(e => e.Slug).ToList();
        Assert.Equal(slugs.Count, slugs.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DirectorySearchFixture.AllCooperatives.Order(StringComparer.Ordinal), slugs.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("cereales")]
    [InlineData("CÉRÉALES")]
    [InlineData("Céréales")]
    public async Task Free_text_ignores_accents_and_case_and_ranks_name_matches_first(string q)
    {
        var page = await List($"/api/cooperatives?q={Uri.EscapeDataString(q)}");

        Assert.Equal(2, page.Total);
        Assert.Equal([DirectorySearchFixture.Cereales, DirectorySearchFixture.BeniDrar], page.Items.Select(e => e.Slug));
    }

    [Theory]
    [InlineData("beni drar", DirectorySearchFixture.BeniDrar)]
    [InlineData("senegalaise sel", DirectorySearchFixture.Sel)]
    [InlineData("thym", DirectorySearchFixture.Miel)]
    [InlineData("thiakry", DirectorySearchFixture.Cereales)]
    [InlineData("berkane", DirectorySearchFixture.Argan)]
    public async Task Free_text_requires_every_word_and_searches_place_description_and_products(string q, string expected)
    {
        var page = await List($"/api/cooperatives?q={Uri.EscapeDataString(q)}");

        Assert.Equal(1, page.Total);
        Assert.Equal(expected, Assert.Single(page.Items).Slug);
    }

    [Fact]
    public async Task Free_text_without_match_returns_an_empty_page()
    {
        var page = await List("/api/cooperatives?q=introuvable");

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Items);
    }

    [Theory]
    [InlineData("kaolack", 14)]
    [InlineData("oriental", 11)]
    public async Task Region_filter_counts_exactly(string region, int expected)
    {
        var page = await List($"/api/cooperatives?region={region}&pageSize=100");

        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Items.Length);
        var wanted = region == "kaolack" ? Region.Kaolack : Region.Oriental;
        Assert.All(page.Items, e => Assert.Equal([wanted], e.Regions));
    }

    public static TheoryData<string, string, string[]> ValueChainCases => new()
    {
        { "cereales", "", [DirectorySearchFixture.BeniDrar, DirectorySearchFixture.Cereales] },
        { "Céréales", "kaolack", [DirectorySearchFixture.Cereales] },
        { "cereales", "oriental", [DirectorySearchFixture.BeniDrar] },
        { "argan", "", [DirectorySearchFixture.Argan] },
        { "mil", "oriental", [.. DirectorySearchFixture.Fillers.Skip(12)] },
    };

    [Theory]
    [MemberData(nameof(ValueChainCases))]
    public async Task Value_chain_filter_ignores_accents_and_combines_with_region(string valueChain, string region, string[] expected)
    {
        var page = await List($"/api/cooperatives?valueChain={Uri.EscapeDataString(valueChain)}&region={region}&pageSize=100");

        Assert.Equal(expected.Length, page.Total);
        Assert.Equal(expected.Order(StringComparer.Ordinal), page.Items.Select(e => e.Slug).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("active", DirectorySearchFixture.OliveProject)]
    [InlineData("proposed", DirectorySearchFixture.SolarProject)]
    [InlineData("cancelled", DirectorySearchFixture.HoneyProject)]
    public async Task Project_status_filter_returns_the_projects_in_that_status(string status, string expected)
    {
        var page = await List($"/api/projects?status={status}");

        Assert.Equal(1, page.Total);
        var entry = Assert.Single(page.Items);
        Assert.Equal(expected, entry.Slug);
        Assert.Equal(EntityKind.Project, entry.Kind);
    }

    [Fact]
    public async Task Project_listing_counts_every_project_and_none_is_at_risk()
    {
        var all = await List("/api/projects");
        var atRisk = await List("/api/projects?status=at-risk");

        Assert.Equal(3, all.Total);
        Assert.Equal(0, atRisk.Total);
        Assert.Empty(atRisk.Items);
    }

    [Fact]
    public async Task Project_search_uses_partner_regions_partner_names_and_value_chains()
    {
        var oriental = await List("/api/projects?region=oriental");
        var byPartner = await List("/api/projects?q=argan");
        var byChain = await List("/api/projects?valueChain=olive&status=active");
        var byTitle = await List("/api/projects?q=sechage");

        Assert.Equal(DirectorySearchFixture.OliveProject, Assert.Single(oriental.Items).Slug);
        Assert.Equal([Region.Kaolack, Region.Oriental], oriental.Items[0].Regions);
        Assert.Equal(ProjectStatus.Active, oriental.Items[0].Status);
        Assert.Equal(DirectorySearchFixture.OliveProject, Assert.Single(byPartner.Items).Slug);
        Assert.Equal(DirectorySearchFixture.OliveProject, Assert.Single(byChain.Items).Slug);
        Assert.Equal(DirectorySearchFixture.SolarProject, Assert.Single(byTitle.Items).Slug);
    }

    [Theory]
    [InlineData("", null, 2)]
    [InlineData("comptabilite", DirectorySearchFixture.BruxellesGroup, 1)]
    [InlineData("energie", DirectorySearchFixture.BruxellesGroup, 1)]
    [InlineData("paris", DirectorySearchFixture.ParisGroup, 1)]
    public async Task Diaspora_group_search_covers_skills_interests_and_place(string q, string? expected, int total)
    {
        var page = await List($"/api/diaspora-groups?q={q}");

        Assert.Equal(total, page.Total);
        if (expected is not null)
        {
            Assert.Equal(expected, Assert.Single(page.Items).Slug);
        }
    }

    [Fact]
    public async Task Diaspora_group_region_filter_uses_the_origin_region()
    {
        var page = await List("/api/diaspora-groups?region=kaolack");

        Assert.Equal(DirectorySearchFixture.ParisGroup, Assert.Single(page.Items).Slug);
        Assert.Equal("Paris, France", page.Items[0].Place);
    }

    private async Task<DirectoryPage> List(string path) => await (await http.GetAsync(path)).Read<DirectoryPage>();
}
