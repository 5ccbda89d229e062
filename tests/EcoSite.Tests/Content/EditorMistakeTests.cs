using EcoSite.Cli;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// The mistakes park editors really make (issue 14) each get a precise, located answer that says what to do,
/// and no false follow-on diagnostic.
/// </summary>
public sealed class EditorMistakeTests
{
    private static IReadOnlyList<Diagnostic> Check(string relPath, string text)
    {
        using var site = new TestSite().With(relPath, text);
        return site.Check().Diagnostics;
    }

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics) =>
        Assert.Single(diagnostics, d => d.IsError || d.Code is "ECO028");

    [Fact]
    public void A_comma_inside_a_bilingual_flow_map_suggests_quotes()
    {
        var d = Assert.Single(Check("parks/demo/enterprises.yaml", """
            enterprises:
              - id: demo-co
                name: {zh: 某某公司, en: Demo Co., Ltd.}
            """), x => x.IsError);
        Assert.Equal(("ECO022", 3, 36), (d.Code, d.Line, d.Column));
        Assert.Contains("comma", d.Message);
        Assert.Contains("en: \"Demo Co., Ltd.\"", d.Message);
    }

    [Theory]
    [InlineData("name：测试园区\nlevel: national\n", 1, 5, "'：' (U+FF1A)")]
    [InlineData("level: national\nname: {zh：测试园区, en: Test Park}\n", 2, 10, "'：' (U+FF1A)")]
    [InlineData("level: national\nname: {zh: 测试园区，en: Test Park}\n", 2, 16, "'，' (U+FF0C)")]
    [InlineData("name:\n　zh: 测试园区\n  en: Test Park\n", 2, 1, "U+3000")]
    [InlineData("name: {zh: 测试园区, en: Test Park}\nlevel: national\ncontact:\n  phone: “0000: 1”\n  x: [a, b\n", 4, 0, "'“' (U+201C)")]
    public void Full_width_punctuation_in_yaml_syntax_is_named_where_it_stands(string yaml, int line, int column, string named)
    {
        var d = Assert.Single(Check("parks/demo/park.yaml", yaml), x => x.IsError);
        Assert.Equal("ECO010", d.Code);
        Assert.Equal(line, d.Line);
        if (column > 0) Assert.Equal(column, d.Column);
        Assert.Contains(named, d.Message);
    }

    [Fact]
    public void A_full_width_colon_in_front_matter_is_located_in_the_markdown_file()
    {
        var d = Assert.Single(Check("parks/demo/news/2026-11-20-a.md", "---\ntitle：园区动态\ndate: 2026-11-20\n---\n正文。\n"), x => x.IsError);
        Assert.Equal(("ECO010", 2, 6), (d.Code, d.Line, d.Column));
        Assert.Contains("'：'", d.Message);
    }

    [Fact]
    public void Chinese_punctuation_inside_text_is_not_syntax()
    {
        var diagnostics = Check("parks/demo/park.yaml",
            "name: {zh: 测试园区：一期，二期, en: Test Park}\nlevel: national\nmanaging_body: “无废园区”管委会，负责：建设\n");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_bilingual_field_without_its_english_text_is_warned()
    {
        var d = Single(Check("parks/demo/park.yaml", "name: {zh: 测试园区}\nlevel: national\n"));
        Assert.Equal(("ECO028", Severity.Warning, 1, 7), (d.Code, d.Severity, d.Line, d.Column));
        Assert.Contains("'en'", d.Message);
        // Plain text is one language on purpose: not warned.
        Assert.DoesNotContain(Check("parks/demo/park.yaml", "name: 测试园区\nlevel: national\n"), x => x.Code == "ECO028");
    }

    [Fact]
    public void An_impossible_date_is_named_as_such()
    {
        var d = Assert.Single(Check("parks/demo/news/2026-02-28-a.md", "---\ntitle: 动态\ndate: 2026-02-30\n---\n正文。\n"), x => x.IsError);
        Assert.Equal(("ECO020", 3, 7), (d.Code, d.Line, d.Column));
        Assert.Contains("does not exist", d.Message);
        Assert.Contains("2026-02 has 28 days", d.Message);
        Assert.DoesNotContain("YYYY-MM-DD", d.Message);
    }

    [Fact]
    public void A_failed_file_has_no_follow_on_diagnostics()
    {
        using var site = new TestSite()
            .With("parks/demo/news/a.md", "---\ntitle: 动态\ndate: 2026-13-01\n---\n正文。\n")
            .With("parks/demo/news/a.en.md", "---\ntitle: News\ndate: 2026-11-20\n---\nText.\n");
        var diagnostics = site.Check().Diagnostics;
        Assert.Equal(["ECO020 parks/demo/news/a.md"], diagnostics.Select(d => $"{d.Code} {d.File}"));
    }

    [Fact]
    public void References_into_a_park_whose_enterprise_list_failed_are_not_reported_again()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-co\n    name: {zh: 某某公司, en: Demo Co., Ltd.}\n")
            .With("parks/demo/exchange/oil.yaml", "kind: supply\ncategory: waste\nenterprise: demo-co\nmaterial: {zh: 废矿物油, en: Waste mineral oil}\nposted: 2026-11-20\n");
        var diagnostics = site.Check().Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.Code == "ECO101");
        Assert.Contains(diagnostics, d => d.Code == "ECO022");
    }

    [Fact]
    public void An_unknown_enterprise_gets_did_you_mean()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-power\n    name: {zh: 某某公司, en: Demo Co.}\n")
            .With("parks/demo/exchange/oil.yaml", "kind: supply\ncategory: waste\nenterprise: demo-powr\nmaterial: {zh: 废矿物油, en: Waste mineral oil}\nposted: 2026-11-20\n");
        var d = Assert.Single(site.Check().Diagnostics, x => x.Code == "ECO101");
        Assert.Contains("Did you mean 'demo-power'?", d.Message);
    }

    [Fact]
    public async Task The_check_summary_says_1_error_and_1_warning()
    {
        using var site = new TestSite().With("parks/demo/news/a.md", "---\ntitle: 动态\ndate: 2026-13-01\n---\n正文。\n")
            .With("parks/demo/media/x.txt", "x").With("stray.txt", "x");
        var stdout = new StringWriter();
        await EcoSiteCommand.RunAsync(["check", site.Content], stdout, new StringWriter());
        Assert.Contains("1 error, 1 warning.", stdout.ToString());
    }
}
