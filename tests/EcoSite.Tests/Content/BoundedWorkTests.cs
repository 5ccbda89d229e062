using System.Text;
using CsCheck;
using EcoSite.Core.Facts;
using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// No input makes the build do more than a linear multiple of its size: nesting is bounded where it is parsed (a
/// located error, not a stack overflow or a quadratic parse), repeated keys and ids are found with sets, and the
/// exchange is matched through an index with a bounded list per listing. Times are measured by bench/hostile.sh, never
/// here; these tests assert the diagnostics and results.
/// </summary>
public sealed class BoundedWorkTests
{
    private const string Front = "---\ntitle: 测试\ndate: 2026-11-20\n---\n\n";

    public static TheoryData<string, string, int> DeepMarkdown() => new()
    {
        { "128 nested quotes", new string('>', 128) + " 深\n", 6 },
        { "64 nested list levels", string.Concat(Enumerable.Range(0, 64).Select(i => new string(' ', i * 2) + "- 项\n")), 6 + 63 },
        { "emphasis 5000 deep", new string('*', 5000) + "a" + new string('*', 5000) + "\n", 6 },
        { "brackets 50000 deep", new string('[', 50000) + "a" + string.Concat(Enumerable.Repeat("](b)", 50000)) + "\n", 6 },
        { "quotes inside lists", string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "- > 项\n")), 6 + 39 },
    };

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public void Markdown_nested_beyond_the_limit_is_a_located_error(string what, string body, int maxLine)
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Front + body);
        var result = site.Build();
        Assert.False(result.Success, what);
        var d = DiagnosticAssert.Has(result.Diagnostics, "ECO018", "parks/demo/news/2026-11-20-x.md");
        Assert.InRange(d.Line, 6, maxLine);
    }

    [Fact]
    public void Markdown_nested_beyond_the_limit_in_a_polluter_other_text_is_a_located_error()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-steel\n    name: 示例钢铁\n")
            .With("parks/demo/polluters/demo-steel.yaml", "report_year: 2025\nother: |\n  " + new string('>', 200) + " 深\n");
        var result = site.Build();
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO018", "parks/demo/polluters/demo-steel.yaml", 3);
    }

    [Fact]
    public void Ordinary_nesting_passes()
    {
        var body = string.Concat(Enumerable.Range(0, 6).Select(i => new string(' ', i * 2) + "- 第" + i + "级 **粗体 *斜体 [链接](https://example.com)***\n")) + "\n> 引用\n> > 再引用\n> > > 三层\n";
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Front + body);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("div", 40_000)]
    [InlineData("b", 40_000)]
    [InlineData("span", 2_000)]
    public void Raw_HTML_nested_beyond_the_limit_is_a_located_error(string tag, int depth)
    {
        var html = string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "x" + string.Concat(Enumerable.Repeat($"</{tag}>", depth));
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Front + "正文。\n\n" + html + "\n");
        var result = site.Build();
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO018", "parks/demo/news/2026-11-20-x.md", 8);
    }

    [Fact]
    public void Many_raw_HTML_elements_side_by_side_and_unclosed_paragraphs_pass()
    {
        var html = string.Concat(Enumerable.Repeat("<span>x</span>", 5_000)) + "\n\n<ul>" + string.Concat(Enumerable.Repeat("<li>项", 2_000)) + "</ul>\n\n" + string.Concat(Enumerable.Repeat("<p>段", 2_000));
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Front + html + "\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Take(5)));
    }

    [Fact]
    public void A_duplicate_indicator_in_one_year_is_a_located_error_not_an_internal_error()
    {
        using var site = new TestSite().With("parks/demo/indicators/2025.yaml", """
            year: 2025
            values:
              - indicator: solid-waste-utilisation
                value: 92.3
                target: ">= 70"
              - indicator: solid-waste-utilisation
                value: 91
              - indicator: custom
                name: {zh: 绿化率, en: Green}
                value: 40
              - indicator: custom
                name: {zh: 绿化率, en: Green cover}
                value: 41
            """);
        var result = site.Build();
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO023", "parks/demo/indicators/2025.yaml", 6);
        DiagnosticAssert.Has(result.Diagnostics, "ECO023", "parks/demo/indicators/2025.yaml", 11);
    }

    [Fact]
    public void A_yaml_map_of_many_keys_is_read_and_a_repeated_key_found()
    {
        var sb = new StringBuilder("name: {zh: 测试园区, en: Test Park}\n");
        for (var i = 0; i < 20_000; i++) sb.Append("k").Append(i).Append(": v\n");
        sb.Append("k7: again\n");
        using var site = new TestSite().With("parks/demo/park.yaml", sb.ToString());
        var result = site.Check();
        DiagnosticAssert.Has(result.Diagnostics, "ECO015", "parks/demo/park.yaml", 20_002);
    }

    private static Listing MakeListing(int i, ListingKind kind, string? code, string material) =>
        new("p", "l" + i, kind, "waste", new EnterpriseRef("e", "f", default), LocalizedText.Of("zh", material), code, null, null, null, null,
            new DateOnly(2026, 1, 1), null, null, null, null, "f", default);

    [Fact]
    public void The_exchange_index_finds_exactly_the_pairs_the_rule_matches_and_lists_at_most_the_bound()
    {
        string[] codes = ["900-249-08", "900-249-8", "HW08", "900-041-49", "SW01"];
        string[] materials = ["粉煤灰", "Fly ash", " fly ash ", "钢渣", "废油"];
        var gen = Gen.Select(Gen.Int[0, 1], Gen.Int[-1, codes.Length - 1], Gen.Int[0, materials.Length - 1]).Array[0, 60];
        gen.Sample(items =>
        {
            var listings = items.Select((x, i) => MakeListing(i, x.Item1 == 0 ? ListingKind.Supply : ListingKind.Demand, x.Item2 < 0 ? null : codes[x.Item2], materials[x.Item3])).ToList();
            var site = new Site(new SiteConfig(LocalizedText.Of("zh", "t"), null, ["zh"], null, new DateOnly(2026, 6, 1), TodaySource.SiteYaml, new Freshness(), null),
                [new Park("p", new ParkProfile(LocalizedText.Of("zh", "p"), null, null, null, null, null, null, null, null, null), [], [], [], [], [], [], listings, [], [])]);
            var matches = ExchangeMatcher.Match(site);
            foreach (var l in listings)
            {
                var expected = listings.Where(o => ExchangeMatcher.Matches(l, o)).OrderBy(o => o.SiteId, StringComparer.Ordinal).Take(ExchangeMatcher.MaxMatches).Select(o => o.SiteId);
                Assert.Equal(expected, matches.Of(l).Select(o => o.SiteId));
            }
            // The groups are the connected parts of the whole match graph, not of the bounded lists.
            var group = listings.ToDictionary(l => l.SiteId, l => l.SiteId);
            string Find(string id) => group[id] == id ? id : group[id] = Find(group[id]);
            foreach (var a in listings)
                foreach (var b in listings.Where(b => ExchangeMatcher.Matches(a, b)))
                    group[Find(a.SiteId)] = Find(b.SiteId);
            var expectedGroups = listings.GroupBy(l => Find(l.SiteId)).Select(g => string.Join(' ', g.Select(l => l.SiteId).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
            var groups = matches.Groups.Select(g => string.Join(' ', g.Select(l => l.SiteId).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
            Assert.Equal(expectedGroups, groups);
        }, seed: "0kZ2mN0s3aQ1", iter: 300, threads: 1);
    }

    [Fact]
    public void Thousands_of_matching_listings_list_at_most_the_bound_each()
    {
        var listings = Enumerable.Range(0, 3000).Select(i => MakeListing(i, i % 2 == 0 ? ListingKind.Supply : ListingKind.Demand, "900-249-08", "废油")).ToList();
        var site = new Site(new SiteConfig(LocalizedText.Of("zh", "t"), null, ["zh"], null, new DateOnly(2026, 6, 1), TodaySource.SiteYaml, new Freshness(), null),
            [new Park("p", new ParkProfile(LocalizedText.Of("zh", "p"), null, null, null, null, null, null, null, null, null), [], [], [], [], [], [], listings, [], [])]);
        var matches = ExchangeMatcher.Match(site);
        Assert.All(listings, l => Assert.Equal(ExchangeMatcher.MaxMatches, matches.Of(l).Count));
    }
}
