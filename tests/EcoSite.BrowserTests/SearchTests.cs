using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EcoSite.Core.Search;
using Microsoft.Playwright;

namespace EcoSite.BrowserTests;

/// <summary>
/// Site search in a real Chromium: the sample served by nginx under a sub-path and opened from disk (file://), in
/// Chinese and English, through the search page and the header's search box; the exchange filters; accessibility;
/// the page without JavaScript; and the client's folding and tokens against the index builder's.
/// </summary>
[Collection("site")]
public sealed class SearchTests(SiteFixture site)
{
    private const string OilListing = "parks/qinghe/exchange/waste-mineral-oil-supply.html";

    /// <summary>What a visitor types, and a page that must be among the first ten results.</summary>
    public static TheoryData<string, string, string> Queries() => new()
    {
        { "zh", "粉煤灰", "parks/qinghe/exchange/fly-ash-demand.html" },
        { "zh", "粉煤灰", "parks/yunshi/cases/ash-slag-wall-materials.html" },
        { "zh", "灰", "parks/yunshi/exchange/fly-ash-supply.html" },
        { "zh", "示例青禾热电有限公司", "parks/qinghe/polluters/qh-power.html" },
        { "zh", "青禾热电", "parks/qinghe/polluters/qh-power.html" },
        { "zh", "产业共生推进", "parks/qinghe/news/2026-11-20-symbiosis-meeting.html" },
        { "zh", "900-249-08", OilListing },
        { "zh", "90024908", OilListing },
        { "zh", "ＨＷ０８ 废矿物油", OilListing },
        { "en", "fly ash", "en/parks/qinghe/exchange/fly-ash-demand.html" },
        { "en", "Qinghe Thermal Power", "en/parks/qinghe/polluters/qh-power.html" },
        { "en", "symbiosis meeting", "en/parks/qinghe/news/2026-11-20-symbiosis-meeting.html" },
        { "en", "recycled", "en/parks/qinghe/waste/index.html" },
        { "en", "900-249-08", "en/" + OilListing },
        { "en", "粉煤灰", "en/parks/qinghe/polluters/qh-power.html" },
    };

    private static string SearchPage(string lang) => lang == "zh" ? "search/index.html" : "en/search/index.html";

    private string Served(string rel) => site.Url(rel);

    private string FromDisk(string rel) => new Uri(Path.Combine(site.Output, rel)).AbsoluteUri;

    /// <summary>Opens the search page with a query string and returns the result links resolved to site paths, in order.</summary>
    private async Task<List<string>> Results(IPage page, string pageUrl, string siteRootUrl)
    {
        await page.GotoAsync(pageUrl);
        await page.WaitForSelectorAsync("#search-results[data-state]");
        Assert.Equal("done", await page.GetAttributeAsync("#search-results", "data-state"));
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("#search-results ol li h3 a", "links => links.map(a => a.href)");
        return hrefs.Select(h => Uri.UnescapeDataString(h[siteRootUrl.Length..])).ToList();
    }

    private async Task<IPage> NewPage(bool javaScript = true)
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        return await context.NewPageAsync();
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_finds_the_expected_page_served_under_a_sub_path(string lang, string query, string expected)
    {
        var page = await NewPage();
        var results = await Results(page, Served(SearchPage(lang)) + "?q=" + Uri.EscapeDataString(query), site.BaseUrl);
        Assert.Contains(expected, results.Take(10));
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_finds_the_expected_page_opened_from_disk(string lang, string query, string expected)
    {
        var page = await NewPage();
        var results = await Results(page, FromDisk(SearchPage(lang)) + "?q=" + Uri.EscapeDataString(query), new Uri(site.Output + "/").AbsoluteUri);
        Assert.Contains(expected, results.Take(10));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_header_search_box_leads_to_results_and_a_result_opens_its_page()
    {
        var page = await NewPage();
        await page.GotoAsync(Served("en/parks/qinghe/index.html"));
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search this site" }).FillAsync("waste mineral oil");
        await page.Locator("form.site-search button").ClickAsync();
        await page.WaitForSelectorAsync("#search-results[data-state]");
        Assert.StartsWith(Served("en/search/index.html") + "?q=waste+mineral+oil", page.Url, StringComparison.Ordinal);
        Assert.Equal("waste mineral oil", await page.InputValueAsync("#search-q"));
        var mark = await page.Locator("#search-results mark").First.InnerTextAsync();
        Assert.Equal("waste", mark.ToLowerInvariant());
        var href = await page.Locator("#search-results ol li h3 a").First.GetAttributeAsync("href");
        var target = new Uri(new Uri(page.Url), href!).AbsoluteUri;
        Assert.StartsWith(site.BaseUrl + "en/parks/", target, StringComparison.Ordinal);
        await page.Locator("#search-results ol li h3 a").First.ClickAsync();
        await page.WaitForURLAsync(target);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Exchange_listings_filter_by_kind_material_park_and_hazardous_class()
    {
        var page = await NewPage();
        var root = site.BaseUrl;
        var hazardous = await Results(page, Served("search/index.html") + "?category=exchange&hazard=HW08", root);
        Assert.Equal(["parks/qinghe/exchange/waste-mineral-oil-supply.html", "parks/yunshi/exchange/waste-oil-demand.html"], hazardous.Order(StringComparer.Ordinal));
        var supply = await Results(page, Served("search/index.html") + "?category=exchange&kind=supply&hazard=HW08", root);
        Assert.Equal([OilListing], supply);
        var material = await Results(page, Served("search/index.html") + "?material=" + Uri.EscapeDataString("粉煤灰") + "&park=yunshi", root);
        Assert.Equal(["parks/yunshi/exchange/fly-ash-supply.html"], material);
        var byQuery = await Results(page, Served("en/search/index.html") + "?q=gypsum&category=exchange&kind=demand", root);
        Assert.Equal(["en/parks/yunshi/exchange/fgd-gypsum-demand.html"], byQuery);
        Assert.Equal("demand", await page.InputValueAsync("#search-kind"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("search/index.html?q=%E7%B2%89%E7%85%A4%E7%81%B0")]
    [InlineData("en/search/index.html?q=fly+ash&category=exchange&kind=supply")]
    [InlineData("en/search/index.html?q=nothingmatchesthis")]
    public async Task The_search_page_with_results_has_zero_axe_violations(string rel)
    {
        var page = await NewPage();
        await page.GotoAsync(Served(rel));
        await page.WaitForSelectorAsync("#search-results[data-state]");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at " + string.Join(", ", v.Nodes.Select(n => n.Target?.ToString())))));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Without_JavaScript_the_search_box_leads_to_a_page_listing_every_item_by_park_and_category(string lang)
    {
        var page = await NewPage(javaScript: false);
        await page.GotoAsync(Served(lang == "zh" ? "parks/qinghe/index.html" : "en/parks/qinghe/index.html"));
        await page.Locator("#site-search-q").FillAsync("粉煤灰");
        await page.Locator("form.site-search button").ClickAsync();
        await page.WaitForURLAsync("**/search/index.html?q=*");
        Assert.True(await page.Locator("#search-browse").IsVisibleAsync());
        var parks = await page.Locator("#search-browse h3").AllInnerTextsAsync();
        Assert.Equal(3, parks.Count);
        var links = await page.EvalOnSelectorAllAsync<string[]>("#search-browse a", "links => links.map(a => a.href)");
        var prefix = site.BaseUrl + (lang == "zh" ? "" : "en/");
        Assert.Contains(prefix + OilListing, links);
        Assert.Contains(prefix + "parks/qinghe/polluters/qh-power.html", links);
        Assert.Contains(prefix + "parks/lanshan/news/2026-09-10-dyeing-wastewater-upgrade.html", links);
        foreach (var link in links.Take(12))
        {
            using var response = await site.Http.GetAsync(link);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_client_folds_and_tokenizes_exactly_as_the_index_builder()
    {
        var page = await NewPage();
        await page.GotoAsync(Served("search/index.html"));
        var texts = new List<string>
        {
            "粉煤灰、脱硫石膏，900-249-08；ＨＷ０８ Ｆｌｙ Ａｓｈ recycling recycled ponies happy 𠀀粉 ｱｲｳ 14.5% e-mail a/b_c",
            "园区开放日：欢迎市民参观！ISO14001认证 CO₂ 減排 Ä Ö Straße ΑΒΓ Привет",
        };
        foreach (var file in Directory.EnumerateFiles(SiteFixture.SampleContent, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            texts.Add(File.ReadAllText(file));
        var expected = texts.Select(t => SearchText.Tokens(t).Select(x => new[] { x.Text, x.Kind.ToString() }).ToList()).ToList();
        var actual = await page.EvaluateAsync<JsonElement>("texts => texts.map(t => EcoSearch.tokens(t))", texts);
        Assert.Equal(JsonSerializer.Serialize(expected), actual.GetRawText());

        var all = string.Concat(Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c));
        Assert.Equal(SearchText.Fold(all), await page.EvaluateAsync<string>("s => EcoSearch.fold(s)", all));
        await page.Context.CloseAsync();
    }
}
