using System.Text.RegularExpressions;

namespace EcoSite.Tests.Render;

/// <summary>
/// The government-site identification (content-format.md v2 sections 5 and 7): site.yaml's organizer, operator,
/// site code, ICP and public-security filing in every page's footer and on the 404 page; a news item's index number,
/// publisher and document number above its text. Fields not given are not shown.
/// </summary>
public sealed class GovernmentColumnTests
{
    private const string GovernmentSite = TestSite.SiteYaml + """

        organizer: {zh: 测试省生态环境厅, en: Test Province Department of Ecology and Environment}
        operator: 测试省环境信息中心
        site_code: "9999000001"
        icp: 示ICP备00000000号
        police_record: 示公网安备 99990000000000号
        """;

    private const string News = """
        ---
        title: 工作计划
        date: 2026-11-20
        kind: plan
        index_no: "99990011MB0000000X/2026-00012"
        doc_no: 示园发〔2026〕3号
        ---
        正文。
        """;

    [Fact]
    public void Every_page_and_the_404_page_show_the_government_fields_in_the_footer()
    {
        using var site = new TestSite().With("site.yaml", GovernmentSite).With("parks/demo/news/plan.md", News);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        foreach (var page in new[] { "index.html", "parks/demo/index.html", "parks/demo/news/plan.html", "404.html" })
        {
            var footer = Regex.Match(site.Read(page), "<footer.*</footer>", RegexOptions.Singleline).Value;
            foreach (var value in new[] { "测试省生态环境厅", "测试省环境信息中心", "9999000001", "示ICP备00000000号", "示公网安备 99990000000000号" })
                Assert.True(footer.Contains(value, StringComparison.Ordinal), $"{page}: footer lacks {value}");
        }
        // Every label is set off from its value by the page language's colon, so "Organizer" never runs into "测试省…".
        foreach (var (page, colon) in new[] { ("index.html", "："), ("en/index.html", ": "), ("404.html", "：") })
        {
            var labels = Regex.Matches(site.Read(page), @"<dl class=""government"">.*?</dl>", RegexOptions.Singleline).Single().Value;
            var dts = Regex.Matches(labels, "<dt>(.*?)</dt>").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(5, dts.Count);
            Assert.All(dts, dt => Assert.EndsWith(colon, dt));
        }
        var en = Regex.Match(site.Read("en/index.html"), "<footer.*</footer>", RegexOptions.Singleline).Value;
        Assert.Contains("Organizer", en);
        Assert.Contains("Test Province Department of Ecology and Environment", en);
        Assert.Contains("""<dd lang="zh-CN">测试省环境信息中心</dd>""", en);
    }

    [Fact]
    public void Without_the_fields_the_footer_has_no_government_block()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        Assert.DoesNotContain("class=\"government\"", site.Read("index.html"));
        Assert.DoesNotContain("网站标识码", site.Read("index.html"));
    }

    [Fact]
    public void A_news_item_shows_its_index_number_publisher_date_and_document_number()
    {
        using var site = new TestSite()
            .With("parks/demo/park.yaml", TestSite.ParkYaml + "\nmanaging_body: {zh: 测试园区管理委员会, en: Test Park Committee}\n")
            .With("parks/demo/news/plan.md", News);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var html = site.Read("parks/demo/news/plan.html");
        var facts = Regex.Match(html, """<dl class="facts".*?</dl>""", RegexOptions.Singleline).Value;
        Assert.Matches("索引号</dt><dd>99990011MB0000000X/2026-00012</dd>.*发布机构</dt><dd[^>]*>测试园区管理委员会</dd>.*发布日期</dt><dd>2026年11月20日</dd>.*文号</dt><dd>示园发〔2026〕3号</dd>",
            Regex.Replace(facts, @"\s+", ""));
        Assert.True(html.IndexOf("索引号", StringComparison.Ordinal) < html.IndexOf("<p>正文。</p>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_news_item_without_the_metadata_has_no_metadata_block()
    {
        using var site = new TestSite().With("parks/demo/news/plain.md", "---\ntitle: 消息\ndate: 2026-11-20\n---\n正文。\n");
        Assert.True(site.Build().Success);
        Assert.DoesNotContain("索引号", site.Read("parks/demo/news/plain.html"));
    }
}
