namespace EcoSite.Tests.EndToEnd;

/// <summary>
/// Every way Markdown, raw HTML and YAML can carry a link goes through one URL policy: a script URL is never published,
/// whatever the form, and each removal is a warning (ECO041) at the line where the link is written.
/// </summary>
public sealed class HostileLinkTests
{
    private static readonly string[] ScriptUrlList =
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(document.domain)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ];

    /// <summary>Each form puts the URL on line 6 of the file (front matter is lines 1-4, a blank line 5).</summary>
    public static TheoryData<string, string> Forms() => new()
    {
        { "inline link", "[点击](URL)" },
        { "reference link", "[点击][r]\n\n[r]: URL" },
        { "autolink", "<URL>" },
        { "image", "![图](URL)" },
        { "footnote", "正文[^1]\n\n[^1]: 见 <URL>" },
        { "raw HTML a", "<a href=\"URL\">点击</a>" },
        { "raw HTML img", "<p><img src=\"URL\" alt=\"x\"></p>" },
        { "raw HTML q cite", "<q cite=\"URL\">引文</q>" },
    };

    private static string Item(string body) => $"---\ntitle: 测试\ndate: 2026-11-20\n---\n\n{body}\n";

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_script_url_is_removed_with_a_located_warning_in_every_link_form(string form, string template)
    {
        foreach (var url in ScriptUrlList)
        {
            var body = template.Replace("URL", url);
            // The footnote's URL is on line 8 of the file, the reference definition's on line 8.
            var line = form is "footnote" ? 8 : 6;
            using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Item(body));
            var result = site.Build();
            Assert.True(result.Success, $"{form} {url}:\n" + string.Join("\n", result.Diagnostics));
            PublishedOutput.AssertSafe(site.Output);
            // "<data:text/html,<script>...>" is not an autolink (an autolink holds no '<'): it is raw HTML, removed as such.
            var code = url.Contains('<') && form is "autolink" or "footnote" ? "ECO040" : "ECO041";
            DiagnosticAssert.Has(result.Diagnostics, code, "parks/demo/news/2026-11-20-x.md", line);
        }
    }

    [Fact]
    public void Entity_and_whitespace_disguises_in_raw_HTML_are_refused()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Item(
            "<a href=\"java&#x09;script:alert(1)\">a</a>\n<a href=\" &#14; javascript:alert(1)\">b</a>\n<a href=\"jav&#x0A;ascript:alert(1)\">c</a>\n<a href=\"&#106;avascript:alert(1)\">d</a>"));
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        PublishedOutput.AssertSafe(site.Output);
        foreach (var line in new[] { 6, 7, 8, 9 })
            DiagnosticAssert.Has(result.Diagnostics, "ECO041", "parks/demo/news/2026-11-20-x.md", line);
    }

    [Fact]
    public void Attributes_that_carry_urls_or_script_in_raw_HTML_are_removed_and_reported()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Item(string.Join('\n',
            "<img src=\"https://example.com/ok.png\" srcset=\"javascript:alert(1) 1x\" onerror=\"alert(1)\">",
            "<button formaction=\"javascript:alert(1)\">x</button>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<div style=\"background:url(javascript:alert(1))\">y</div>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">z</maction></math>")));
        var result = site.Build();
        PublishedOutput.AssertSafe(site.Output);
        foreach (var line in new[] { 6, 7, 8, 9, 10, 11 })
            DiagnosticAssert.Has(result.Diagnostics, "ECO040", "parks/demo/news/2026-11-20-x.md", line);
    }

    [Fact]
    public void A_script_url_in_a_polluter_other_text_is_removed_at_its_line_in_the_yaml_file()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-steel\n    name: 示例钢铁\n")
            .With("parks/demo/polluters/demo-steel.yaml", "report_year: 2025\npermit: 91370000000000000X001P\n\n\nother: |\n  第一行。\n\n  见 <javascript:alert(1)> 与 [链接](vbscript:x)。\n");
        var result = site.Build();
        PublishedOutput.AssertSafe(site.Output);
        var found = result.Diagnostics.Where(d => d.Code == "ECO041" && d.File == "parks/demo/polluters/demo-steel.yaml").Select(d => d.Line).ToList();
        Assert.True(found.Count == 2 && found.All(l => l == 8), "expected two ECO041 at line 8; got:\n" + string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Raw_HTML_in_a_body_keeps_the_alignment_of_its_pipe_tables_and_the_lines_of_its_diagnostics()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Item(string.Join('\n',
            "<span>raw</span>", "", "| 指标 | 数值 |", "|:-----|-----:|", "| 甲 | 1 |", "", "", "[坏链接](javascript:alert(1))", "", "<blink>x</blink>")));
        var result = site.Build();
        var html = site.Read("parks/demo/news/2026-11-20-x.html");
        Assert.Contains("text-align: right", html);
        Assert.Contains("text-align: left", html);
        DiagnosticAssert.Has(result.Diagnostics, "ECO041", "parks/demo/news/2026-11-20-x.md", 13);
        DiagnosticAssert.Has(result.Diagnostics, "ECO040", "parks/demo/news/2026-11-20-x.md", 15);
    }

    [Fact]
    public void A_body_without_raw_HTML_is_sanitized_too_so_a_link_form_the_resolver_misses_is_still_caught()
    {
        // A URL attribute reaches the HTML from Markdown syntax alone: the sanitizer, not the presence of raw HTML,
        // decides what is published.
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Item("<javascript:alert(1)>\n\n[a](https://example.com/ok)"));
        var result = site.Build();
        PublishedOutput.AssertSafe(site.Output);
        Assert.Contains("href=\"https://example.com/ok\"", site.Read("parks/demo/news/2026-11-20-x.html"));
    }

    [Fact]
    public void A_base_url_with_another_scheme_is_refused()
    {
        using var site = new TestSite().With("site.yaml", TestSite.SiteYaml + "\nbase_url: javascript:alert(1)//\n");
        var result = site.Build();
        DiagnosticAssert.Has(result.Diagnostics, "ECO016", "site.yaml", 4);
        PublishedOutput.AssertSafe(site.Output);
    }

    [Fact]
    public void An_attachment_with_a_scheme_is_refused_and_not_linked()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", "---\ntitle: 测试\ndate: 2026-11-20\nattachments: [\"javascript:alert(1)\"]\n---\n正文。\n");
        var result = site.Check();
        DiagnosticAssert.Has(result.Diagnostics, "ECO030", "parks/demo/news/2026-11-20-x.md", 4);
    }

    [Fact]
    public void Allowed_links_of_every_form_are_published_unchanged()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-20-x.md", Item(
            "[a](https://example.com/a) <https://example.com/b> <eco@example.gov.cn> [t](tel:+86-000-0000000) <a href=\"mailto:eco@example.gov.cn\">m</a>"));
        var result = site.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "ECO040" or "ECO041");
        var html = site.Read("parks/demo/news/2026-11-20-x.html");
        foreach (var href in new[] { "https://example.com/a", "https://example.com/b", "mailto:eco@example.gov.cn", "tel:+86-000-0000000" })
            Assert.Contains($"href=\"{href}\"", html);
    }

    /// <summary>
    /// Plain text fields are text in every output made from them: pages, feeds, open data, the search index and its
    /// snippets. Markup written in a title, a name or a material is escaped by each writer, never published as markup.
    /// </summary>
    [Fact]
    public void Markup_in_any_text_field_is_text_in_every_published_file_including_the_search_index()
    {
        const string Markup = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", $"enterprises:\n  - id: demo-steel\n    name: '示例{Markup}钢铁'\n  - id: demo-cement\n    name: 示例水泥\n")
            .With("parks/demo/news/2026-11-20-x.md", $"---\ntitle: '标题{Markup}'\ndate: 2026-11-20\nsummary: '摘要{Markup}'\n---\n\n正文 `{Markup}`\n")
            .With("parks/demo/exchange/x.yaml",
                $"kind: supply\ncategory: by-product\nenterprise: demo-steel\nmaterial: '钢渣{Markup}'\nquantity: 1\nunit: t\nposted: 2026-11-01\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var search = Directory.EnumerateFiles(site.Output, "*.js", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.Contains(search, f => File.ReadAllText(f).Contains("标题", StringComparison.Ordinal));
        PublishedOutput.AssertSafe(site.Output);
    }
}
