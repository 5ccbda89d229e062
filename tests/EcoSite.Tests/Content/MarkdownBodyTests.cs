using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// A body as an editor writes it, rendered through <see cref="MarkdownBody"/> and <see cref="BodySanitizer"/>: what is
/// published, and where each removal is reported (the line and column the editor must go to).
/// </summary>
public sealed class MarkdownBodyTests
{
    private const string File = "parks/demo/news/x.md";

    private static (string Html, string FirstParagraph, IReadOnlyList<Diagnostic> Diagnostics) Render(string markdown, string lang = "zh", int lineOffset = 0)
    {
        using var site = new TestSite();
        var bag = new DiagnosticBag();
        var tree = ContentTree.Scan(site.Content, bag);
        var doc = MarkdownBody.Parse(markdown, File, bag)!.Document;
        var body = MarkdownBody.Render(doc, new LinkResolver(tree, File, bag), File, lang, bag, lineOffset);
        return (body.Html, body.FirstParagraph, bag.ToSortedList());
    }

    private static (int Line, int Column) At(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var d = Assert.Single(diagnostics, d => d.Code == code);
        return (d.Line, d.Column);
    }

    [Fact]
    public void A_refused_element_in_inline_raw_HTML_is_reported_at_its_own_column()
    {
        var (html, _, diagnostics) = Render("第一段。\n\n文字 <blink>闪</blink> 完。\n");
        Assert.Equal("<p>第一段。</p>\n<p>文字  完。</p>\n", html); // the element goes with its content
        Assert.Equal((3, 4), At(diagnostics, "ECO040"));
        Assert.Contains("<blink>", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_refused_element_deep_in_a_raw_HTML_block_is_reported_at_its_line_and_column_there()
    {
        var (html, _, diagnostics) = Render("正文。\n\n<div>\n<p>可以</p>\n   <blink>闪</blink>\n</div>\n");
        Assert.DoesNotContain("<blink", html);
        Assert.Contains("<p>可以</p>", html);
        Assert.Equal((5, 4), At(diagnostics, "ECO040"));
    }

    [Fact]
    public void A_refused_element_later_on_the_first_line_of_a_raw_HTML_block_is_reported_at_its_column_there()
    {
        var (_, _, diagnostics) = Render("正文。\n\n<div>甲 <blink>乙</blink></div>\n", lineOffset: 1);
        Assert.Equal((4, 8), At(diagnostics, "ECO040"));
    }

    [Fact]
    public void Removals_in_several_raw_HTML_pieces_are_each_reported_at_their_own_line()
    {
        var (_, _, diagnostics) = Render("<blink>a</blink>\n\n段落 <marquee>b</marquee>\n\n正文。\n\n  <font>c</font>\n");
        var found = diagnostics.Where(d => d.Code == "ECO040").Select(d => (d.Line, d.Column)).ToList();
        Assert.Equal([(1, 1), (3, 4), (7, 3)], found);
    }

    [Fact]
    public void Removals_among_many_raw_HTML_pieces_are_each_reported_at_their_own_line_and_column()
    {
        // Eight raw pieces: a block at line 1 column 1, four inline tags, a block whose refused element opens its last
        // line and ends at its last character, and two more inline tags.
        var (html, _, diagnostics) = Render(
            "<blink>a</blink>\n\n段落 <font>b</font> 与 <tt>c</tt>。\n\n<div>\n<p>好</p>\n<marquee>d</marquee></div>\n\n正文 <big>e</big>\n");
        Assert.Contains("<p>好</p>", html);
        var found = diagnostics.Where(d => d.Code == "ECO040").Select(d => (d.Line, d.Column)).ToList();
        Assert.Equal([(1, 1), (3, 4), (3, 21), (7, 1), (9, 4)], found);
    }

    [Fact]
    public void A_refused_element_on_a_later_line_of_a_raw_HTML_block_that_opens_the_body_is_reported_at_that_line()
    {
        var (_, _, diagnostics) = Render("<div>\n<p>x</p>\n<blink>y</blink>\n</div>\n");
        Assert.Equal((3, 1), At(diagnostics, "ECO040"));
    }

    [Fact]
    public void Markdown_held_in_a_yaml_field_reports_raw_HTML_at_the_line_of_the_yaml_file()
    {
        var (_, _, diagnostics) = Render("一行。\n\n<blink>x</blink>\n", lineOffset: 10);
        Assert.Equal((13, 1), At(diagnostics, "ECO040"));
    }

    [Fact]
    public void A_refused_attribute_is_removed_and_named_but_the_element_is_kept()
    {
        var (html, _, diagnostics) = Render("<p onclick=\"alert(1)\" title=\"t\">x</p>\n");
        Assert.Contains("<p title=\"t\">x</p>", html);
        Assert.DoesNotContain("onclick", html);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO040", 1, 1), (d.Code, d.Line, d.Column));
        Assert.Contains("'onclick'", d.Message);
    }

    [Fact]
    public void A_style_other_than_text_align_is_removed_and_named_and_text_align_is_kept()
    {
        var (html, _, diagnostics) = Render("<p style=\"color: red; text-align: center\">x</p>\n");
        Assert.DoesNotContain("color", html);
        Assert.Contains("text-align: center", html);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO040", 1, 1), (d.Code, d.Line, d.Column));
        Assert.Contains("'color'", d.Message);
    }

    [Fact]
    public void A_script_url_in_raw_HTML_is_refused_once_at_its_element_by_the_link_policy()
    {
        var (html, _, diagnostics) = Render("正文。\n\n见 <a href=\"javascript:alert(1)\">这里</a>。\n");
        Assert.DoesNotContain("javascript", html);
        Assert.Contains("这里", html);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO041", 3, 3), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void An_allowed_url_in_raw_HTML_is_published_and_a_relative_one_is_resolved_like_a_markdown_link()
    {
        var (html, _, diagnostics) = Render("<a href=\"https://example.com/a\">a</a> <img src=\"https://example.com/i.png\" alt=\"i\">\n");
        Assert.Empty(diagnostics);
        Assert.Contains("href=\"https://example.com/a\"", html);
        Assert.Contains("src=\"https://example.com/i.png\"", html);
    }

    [Fact]
    public void A_raw_marker_url_is_refused_like_any_other_unknown_scheme()
    {
        var (html, _, diagnostics) = Render("<a href=\"eco-root:parks/x.html\">x</a>\n");
        Assert.DoesNotContain("eco-root", html);
        Assert.Equal((1, 1), At(diagnostics, "ECO041"));
    }

    [Fact]
    public void Html_comments_are_not_published()
    {
        var (html, _, _) = Render("正文<!-- 内部备注 -->。\n\n<!-- 整块备注 -->\n");
        Assert.DoesNotContain("备注", html);
        Assert.DoesNotContain("<!--", html);
    }

    [Fact]
    public void A_body_written_by_markdown_alone_is_published_as_markdig_wrote_it()
    {
        var (html, _, diagnostics) = Render("## 小节\n\n**粗** *斜* `代码` [链接](https://example.com/a \"题\")\n");
        Assert.Empty(diagnostics);
        Assert.Equal("<h2 id=\"小节\">小节</h2>\n<p><strong>粗</strong> <em>斜</em> <code>代码</code> <a href=\"https://example.com/a\" title=\"题\">链接</a></p>\n", html);
    }

    [Fact]
    public void A_refused_markdown_link_becomes_a_dead_link_and_a_refused_image_loses_its_source_each_reported_where_written()
    {
        var (html, _, diagnostics) = Render("正文。\n\n见 [甲](javascript:alert(1))\n\n![乙](vbscript:x)\n");
        Assert.Contains("<a href=\"#\">甲</a>", html);
        Assert.Contains("<img src=\"\" alt=\"乙\" />", html);
        var found = diagnostics.Where(d => d.Code == "ECO041").Select(d => (d.Line, d.Column)).ToList();
        Assert.Equal([(3, 3), (5, 1)], found);
    }

    [Fact]
    public void A_refused_autolink_stays_as_its_text_and_is_reported_where_written()
    {
        var (html, _, diagnostics) = Render("正文。\n\n见 <javascript:alert(1)> 与 <https://example.com/ok>\n", lineOffset: 4);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.Contains("javascript:alert(1)", html);
        Assert.Contains("<a href=\"https://example.com/ok\">https://example.com/ok</a>", html);
        Assert.Equal((7, 3), At(diagnostics, "ECO041"));
    }

    [Fact]
    public void An_email_autolink_is_published_as_mailto()
    {
        var (html, _, diagnostics) = Render("写信 <eco@example.gov.cn>\n");
        Assert.Empty(diagnostics);
        Assert.Contains("href=\"mailto:eco@example.gov.cn\"", html);
    }

    [Fact]
    public void A_markdown_link_is_reported_at_the_line_of_the_yaml_file_it_is_held_in()
    {
        var (_, _, diagnostics) = Render("一行。\n\n[坏](javascript:x)\n", lineOffset: 20);
        Assert.Equal((23, 1), At(diagnostics, "ECO041"));
    }

    [Fact]
    public void A_level_one_heading_in_the_body_moves_every_heading_one_level_down_up_to_six()
    {
        var (html, _, _) = Render("# 一\n\n## 二\n\n###### 六\n");
        Assert.Contains("<h2 id=\"一\">一</h2>", html);
        Assert.Contains("<h3 id=\"二\">二</h3>", html);
        Assert.Contains("<h6 id=\"六\">六</h6>", html);
        Assert.DoesNotContain("<h1", html);
        Assert.DoesNotContain("<h7", html);
    }

    [Fact]
    public void Without_a_level_one_heading_the_levels_are_kept()
    {
        var (html, _, _) = Render("## 二\n\n### 三\n");
        Assert.Contains("<h2 id=\"二\">二</h2>", html);
        Assert.Contains("<h3 id=\"三\">三</h3>", html);
    }

    [Fact]
    public void A_character_reference_to_a_control_character_is_an_error_at_the_reference()
    {
        var (_, _, diagnostics) = Render("正文。\n\n隐藏 &#7; 字符\n", lineOffset: 2);
        var d = Assert.Single(diagnostics, d => d.Code == "ECO008");
        Assert.Equal((5, 4), (d.Line, d.Column));
        Assert.Contains("&#7;", d.Message);
    }

    [Fact]
    public void A_control_character_reference_outside_the_text_is_refused_at_the_file()
    {
        var (_, _, diagnostics) = Render("[链接](https://example.com/a \"题&#7;\")\n");
        var d = Assert.Single(diagnostics, d => d.Code == "ECO008");
        Assert.Equal((0, 0), (d.Line, d.Column));
    }

    [Fact]
    public void A_control_character_already_reported_in_the_text_is_not_reported_again_at_the_file()
    {
        var (_, _, diagnostics) = Render("隐藏 &#7; 字符\n");
        Assert.Single(diagnostics, d => d.Code == "ECO008");
    }

    [Theory]
    [InlineData("zh", "表格（可横向滚动）")]
    [InlineData("en", "Table (scrolls sideways)")]
    public void A_table_is_wrapped_in_a_labelled_scrolling_region_in_the_page_language(string lang, string label)
    {
        var (html, _, _) = Render("| a | b |\n|---|---|\n| 1 | 2 |\n", lang);
        Assert.StartsWith($"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\"><table>", html);
        Assert.EndsWith("</table></div>\n", html);
    }

    [Fact]
    public void A_body_without_a_table_is_not_wrapped()
    {
        var (html, _, _) = Render("正文。\n");
        Assert.Equal("<p>正文。</p>\n", html);
    }

    [Theory]
    [InlineData("园区各有关企业：\n\n第二段**正文**。\n\n第三段。\n", "第二段正文。")]
    [InlineData("第一段。\n\n第二段。\n", "第一段。")]
    [InlineData("只有称呼：\n", "只有称呼：")]
    [InlineData("## 标题\n\n> 引用不算\n\n正文 `代码`，![图](https://example.com/i.png)第一行\n第二行\n", "正文 代码，第一行 第二行")]
    [InlineData("## 只有标题\n", "")]
    public void The_summary_is_the_first_paragraph_after_a_salutation_as_plain_text(string markdown, string expected)
    {
        var (_, first, _) = Render(markdown);
        Assert.Equal(expected, first);
    }

    [Fact]
    public void Front_matter_is_split_off_with_the_file_line_its_yaml_starts_on()
    {
        var bag = new DiagnosticBag();
        var parsed = MarkdownBody.Parse("---\ntitle: 测试\ndate: 2026-11-20\n---\n正文。\n", File, bag)!;
        Assert.Equal("title: 测试\ndate: 2026-11-20", parsed.FrontMatter!.ReplaceLineEndings("\n"));
        Assert.Equal(1, parsed.FrontMatterLineOffset);
        Assert.Equal(new SourcePos(1, 1), parsed.FrontMatterPos);
        Assert.Single(parsed.Document);
    }

    [Fact]
    public void A_file_without_front_matter_has_none_and_keeps_its_whole_body()
    {
        var bag = new DiagnosticBag();
        var parsed = MarkdownBody.Parse("正文。\n\n第二段。\n", File, bag)!;
        Assert.Null(parsed.FrontMatter);
        Assert.Equal(0, parsed.FrontMatterLineOffset);
        Assert.Equal(2, parsed.Document.Count);
        Assert.Empty(bag.ToSortedList());
    }
}
