using System.Text;

namespace EcoSite.Tests.EndToEnd;

/// <summary>Small sites written from inline strings: what each content rule produces in the output.</summary>
public sealed class InlineSiteTests
{
    private const string News = """
        ---
        title: 园区召开共生会议
        date: 2026-11-20
        ---
        园区召开第四季度产业共生会议。会议总结了前三季度固废利用情况。下一步将扩大中水回用。
        """;

    [Fact]
    public void An_untranslated_news_item_falls_back_visibly_with_its_own_language_marked()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-meeting.md", News);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var en = site.Read("en/parks/demo/news/2026-11-20-meeting.html");
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("<article lang=\"zh-CN\">", en);
        Assert.Contains("class=\"fallback-note\"", en);
        Assert.Contains("园区召开共生会议", en);
        var zh = site.Read("parks/demo/news/2026-11-20-meeting.html");
        Assert.DoesNotContain("class=\"fallback-note\"", zh);
    }

    [Fact]
    public void A_translation_pairs_with_its_default_language_file_by_name()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-11-20-meeting.md", News)
            .With("parks/demo/news/2026-11-20-meeting.en.md", "---\ntitle: Symbiosis meeting\ndate: 2026-11-20\n---\nThe park met.\n");
        Assert.True(site.Build().Success);
        var en = site.Read("en/parks/demo/news/2026-11-20-meeting.html");
        Assert.Contains("Symbiosis meeting", en);
        Assert.DoesNotContain("fallback-note", en);
        Assert.Contains("Symbiosis meeting", site.Read("en/parks/demo/news/index.html"));
        Assert.Contains("园区召开共生会议", site.Read("parks/demo/news/index.html"));
    }

    [Fact]
    public void The_list_summary_is_cut_at_a_Chinese_sentence_end_and_is_not_the_whole_text()
    {
        var body = string.Concat(Enumerable.Repeat("园区推进固体废物综合利用，提升资源利用效率。", 10));
        using var site = new TestSite().With("parks/demo/news/2026-11-20-long.md", $"---\ntitle: 长文\ndate: 2026-11-20\n---\n{body}\n");
        Assert.True(site.Build().Success);
        var list = site.Read("parks/demo/news/index.html");
        var summary = list[(list.IndexOf("<p lang=\"zh-CN\">", StringComparison.Ordinal) + 16)..];
        summary = summary[..summary.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.EndsWith("。", summary);
        Assert.True(summary.Length < body.Length);
        Assert.StartsWith("园区推进固体废物综合利用", summary);
    }

    [Fact]
    public void Links_to_source_files_become_relative_page_links_and_media_is_copied()
    {
        using var site = new TestSite()
            .With("parks/demo/news/2026-03-02-plan.md", "---\ntitle: 计划\ndate: 2026-03-02\nattachments: [media/plan.pdf]\n---\n计划正文。\n")
            .With("parks/demo/news/2026-11-20-meeting.md", "---\ntitle: 会议\ndate: 2026-11-20\n---\n见[计划](2026-03-02-plan.md)与![图](../media/map.png)。\n")
            .WithBytes("parks/demo/media/plan.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"))
            .WithBytes("parks/demo/media/map.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var zh = site.Read("parks/demo/news/2026-11-20-meeting.html");
        Assert.Contains("href=\"../../../parks/demo/news/2026-03-02-plan.html\"", zh);
        Assert.Contains("src=\"../../../parks/demo/media/map.png\"", zh);
        var en = site.Read("en/parks/demo/news/2026-11-20-meeting.html");
        Assert.Contains("href=\"../../../../en/parks/demo/news/2026-03-02-plan.html\"", en);
        Assert.Contains("src=\"../../../../parks/demo/media/map.png\"", en);
        Assert.Contains("href=\"../media/plan.pdf\"", site.Read("parks/demo/news/2026-03-02-plan.html"));
        Assert.True(site.Exists("parks/demo/media/plan.pdf"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "ECO203" or "ECO205");
    }

    [Fact]
    public void Items_are_one_html_file_each_beside_their_section_list()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-meeting.md", News);
        Assert.True(site.Build().Success);
        Assert.True(site.Exists("parks/demo/news/index.html"));
        Assert.True(site.Exists("parks/demo/news/2026-11-20-meeting.html"));
        Assert.True(site.Exists("en/parks/demo/news/2026-11-20-meeting.html"));
        Assert.False(site.Exists("parks/demo/news/2026-11-20-meeting/index.html"));
    }

    [Theory]
    [InlineData("parks/demo/news/index.md", "---\ntitle: 会议\ndate: 2026-11-20\n---\n正文。\n")]
    [InlineData("parks/demo/exchange/index.yaml", "kind: supply\ncategory: by-product\nmaterial: 粉煤灰\nenterprise: demo-steel\nposted: 2026-11-01\n")]
    public void An_item_named_index_is_refused_because_its_page_would_be_the_section_list(string path, string text)
    {
        using var site = new TestSite().With(path, text);
        var result = site.Build();
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == "ECO021" && d.File == path);
    }

    [Fact]
    public void Feeds_and_sitemap_use_absolute_urls_from_base_url()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", TestSite.SiteYaml + "\nbase_url: https://www.example.gov.cn/stgy\n")
            .With("parks/demo/park.yaml", TestSite.ParkYaml)
            .With("parks/demo/news/2026-11-20-meeting.md", News);
        Assert.True(site.Build().Success);
        var feed = site.Read("feed.xml");
        Assert.Contains("<feed xml:lang=\"zh-CN\" xmlns=\"http://www.w3.org/2005/Atom\">", feed);
        Assert.Contains("href=\"https://www.example.gov.cn/stgy/parks/demo/news/2026-11-20-meeting.html\"", feed);
        Assert.Contains("href=\"https://www.example.gov.cn/stgy/en/parks/demo/news/2026-11-20-meeting.html\"", site.Read("en/feed.xml"));
        var sitemap = site.Read("sitemap.xml");
        Assert.Contains("<loc>https://www.example.gov.cn/stgy/en/parks/demo/</loc>", sitemap);
        Assert.Contains("hreflang=\"zh-CN\" href=\"https://www.example.gov.cn/stgy/parks/demo/\"", sitemap);
    }

    [Fact]
    public void A_sitemap_of_more_urls_than_one_file_may_hold_becomes_a_sitemap_index_of_parts()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", TestSite.SiteYaml + "\nbase_url: https://www.example.gov.cn/stgy\n")
            .With("parks/demo/park.yaml", TestSite.ParkYaml);
        var facts = site.Facts().Site;
        string[] pages = ["index.html", "parks/demo/index.html", "ranking/index.html", "exchange/index.html"];

        // Eight URLs (four pages, two languages): at the limit, one sitemap as before.
        var whole = EcoSite.Core.Render.Feeds.Sitemaps(facts, pages, maxUrls: 8).ToList();
        Assert.Equal(["sitemap.xml"], whole.Select(f => f.Path));
        static string Text(EcoSite.Core.Output.OutputFile f) => f switch
        {
            EcoSite.Core.Output.TextFile t => t.Text,
            EcoSite.Core.Output.BinaryFile b => System.Text.Encoding.UTF8.GetString(b.Bytes),
            _ => throw new InvalidOperationException(f.Path),
        };
        Assert.Contains("<urlset", Text(whole[0]));

        // Above it, the protocol's sitemap index naming each part, and the same URLs spread over the parts in order.
        var split = EcoSite.Core.Render.Feeds.Sitemaps(facts, pages, maxUrls: 3).ToList();
        Assert.Equal(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"], split.Select(f => f.Path));
        Assert.Contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">", Text(split[0]));
        Assert.Contains("<loc>https://www.example.gov.cn/stgy/sitemap-3.xml</loc>", Text(split[0]));
        Assert.Equal([3, 3, 2], split.Skip(1).Select(f => Text(f).Split("<url>").Length - 1));
        string Locs(string xml) => string.Join("\n", xml.Split('\n').Where(l => l.Contains("<loc>")));
        Assert.Equal(Locs(Text(whole[0])), string.Join("\n", split.Skip(1).Select(f => Locs(Text(f)))));
    }

    [Fact]
    public void Today_comes_from_source_date_epoch_when_site_yaml_has_no_as_of()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", "title: T\nlanguages: [zh, en]\n")
            .With("parks/demo/park.yaml", TestSite.ParkYaml);
        var result = site.Build(sourceDateEpoch: "1767225600"); // 2026-01-01T00:00:00Z
        Assert.True(result.Success);
        Assert.Equal("2026-01-01", result.Report!.AsOf);
        Assert.Contains("datetime=\"2026-01-01\"", site.Read("index.html"));
    }

    [Fact]
    public void Raw_script_and_event_handlers_are_removed_with_a_warning_while_tables_and_links_survive()
    {
        using var site = new TestSite().With("parks/demo/pages/about.md", """
            ---
            title: 关于
            ---
            <div onclick="steal()">文字</div>

            <script>alert(1)</script>

            | a | b |
            |---|---|
            | 1 | 2 |

            [外部](https://www.example.com/) [坏链接](javascript:alert(1))
            """);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var html = site.Read("parks/demo/pages/about.html");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://www.example.com/\"", html);
        DiagnosticAssert.Has(result.Diagnostics, "ECO040", "parks/demo/pages/about.md");
        DiagnosticAssert.Has(result.Diagnostics, "ECO041", "parks/demo/pages/about.md", 12, 32);
    }
}
