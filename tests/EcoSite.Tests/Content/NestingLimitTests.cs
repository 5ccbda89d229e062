using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Content;

/// <summary>
/// The nesting bounds at their edges, as an editor meets them: what nests up to the limit is read, one level more is
/// ECO018 at the line (and column) where the text goes too deep, in the file the text is in.
/// </summary>
public sealed class NestingLimitTests
{
    private const string File = "parks/demo/news/x.md";

    private static (bool Parsed, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, int lineOffset = 0)
    {
        var bag = new DiagnosticBag();
        var doc = NestingLimit.Parse(text, File, bag, lineOffset);
        return (doc is not null, bag.ToSortedList());
    }

    private static Diagnostic Refused(string text, int lineOffset = 0)
    {
        var (parsed, diagnostics) = Parse(text, lineOffset);
        Assert.False(parsed);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("ECO018", File), (d.Code, d.File));
        return d;
    }

    private static string Divs(int n, string separator = "") => string.Concat(Enumerable.Repeat("<div>" + separator, n));

    [Fact]
    public void Raw_HTML_may_open_sixty_four_elements_inside_each_other_and_not_one_more()
    {
        Assert.True(Parse("正文。\n\n" + Divs(64) + "x\n").Parsed);
        var d = Refused("正文。\n\n" + Divs(65) + "x\n");
        Assert.Equal((3, 1), (d.Line, d.Column));
        Assert.Contains("64", d.Message);
    }

    [Fact]
    public void The_error_is_at_the_line_of_the_element_that_goes_too_deep_within_its_raw_HTML_block()
    {
        var d = Refused("正文。\n\n" + Divs(70, "\n") + "x\n", lineOffset: 5);
        Assert.Equal(3 + 64 + 5, d.Line);
    }

    [Fact]
    public void Inline_raw_HTML_counts_across_the_inlines_of_a_paragraph()
    {
        var text = "正文 " + string.Concat(Enumerable.Repeat("<span>", 40)) + "\n" + string.Concat(Enumerable.Repeat("<span>", 30)) + " 完\n";
        Assert.Equal(2, Refused(text).Line);
    }

    [Fact]
    public void Closed_elements_give_their_level_back_and_stray_end_tags_do_not_make_room()
    {
        Assert.True(Parse(Divs(60) + string.Concat(Enumerable.Repeat("</div>", 60)) + Divs(60) + "\n").Parsed);
        Refused(string.Concat(Enumerable.Repeat("</div>", 10)) + Divs(65) + "\n");
    }

    [Fact]
    public void Void_elements_implied_end_tags_comments_and_text_with_angle_brackets_do_not_count()
    {
        var text = Divs(60) + string.Concat(Enumerable.Repeat("<br><img src=\"a.png\"><p><li><td>", 20))
            + "<!-- <div><div><div><div><div><div> --> a < b <? x ?> <!doctype html> <1>\n";
        Assert.True(Parse(text).Parsed);
    }

    [Fact]
    public void A_closing_angle_bracket_inside_a_quoted_attribute_does_not_end_the_tag()
    {
        // Read as text, the '>' in the value would end the tag early and the <div> written in the value would count.
        Assert.True(Parse(Divs(63) + "<div title=\"a > <div> '\">x\n").Parsed);
        Assert.True(Parse(Divs(63) + "<div title='a > <div> \"'>x\n").Parsed);
    }

    [Fact]
    public void Element_names_with_hyphens_and_capitals_count_like_any_other()
    {
        Refused(string.Concat(Enumerable.Repeat("<my-box>", 65)) + "\n");
        Refused(string.Concat(Enumerable.Repeat("<DIV>", 65)) + "\n");
        Assert.True(Parse(string.Concat(Enumerable.Repeat("<P>", 200)) + "\n").Parsed);
    }

    [Fact]
    public void Markdown_nested_beyond_the_limit_is_reported_at_the_node_that_goes_too_deep()
    {
        var d = Refused("正文。\n\n" + new string('>', 40) + " 深\n", lineOffset: 10);
        Assert.Equal(13, d.Line);
        Assert.InRange(d.Column, 30, 40);
        Assert.Contains("32", d.Message);
    }

    [Fact]
    public void Markdown_within_the_limit_is_read()
    {
        Assert.True(Parse(new string('>', 28) + " 深\n").Parsed);
    }

    [Fact]
    public void When_markdig_gives_up_the_error_is_at_the_line_with_the_most_containers_opened()
    {
        var d = Refused("正文。\n\n> 浅\n\n" + new string('>', 200) + " 深\n\n后文 [a](b)\n", lineOffset: 3);
        Assert.Equal((5 + 3, 1), (d.Line, d.Column));
    }

    [Fact]
    public void When_markdig_gives_up_on_brackets_the_error_is_at_the_line_with_the_most_of_them()
    {
        var d = Refused("正文。\n\n> 引用 *a*\n\n" + new string('[', 50000) + "a" + string.Concat(Enumerable.Repeat("](b)", 50000)) + "\n\n后文\n");
        Assert.Equal(5, d.Line);
    }

    // What follows was written against the mutants Stryker left alive in NestingLimit.cs (docs/security.md).

    [Fact]
    public void A_quote_twenty_nine_deep_is_read_and_thirty_deep_is_not()
    {
        // document 0, 29 quotes, the paragraph 30, its inlines 31, the text 32: at the limit. One quote more is beyond.
        Assert.True(Parse(new string('>', 29) + " 深\n").Parsed);
        var d = Refused(new string('>', 30) + " 深\n");
        Assert.Equal((1, 32), (d.Line, d.Column));
        Assert.Equal("the Markdown nests more than 32 levels deep here (quotes, lists, links or emphasis inside each other); flatten it.", d.Message);
    }

    [Fact]
    public void Emphasis_and_links_count_as_levels_like_blocks_do()
    {
        const string Quotes = ">>>>>>>>>>>>>>>>>>>>>>>>> "; // 25 deep: plain text there is read
        Assert.True(Parse(Quotes + "深\n").Parsed);
        Assert.False(Parse(Quotes + "*a _b *c _d **e [f *g _h*_](x)**_*_*\n").Parsed);
        Assert.False(Parse(Quotes + "前文 *a _b *c _d **e [f *g _h*_](x)**_*_*\n").Parsed);
    }

    [Fact]
    public void Of_several_places_too_deep_the_first_in_the_file_is_reported()
    {
        var deep = new string('>', 35) + " 深\n";
        Assert.Equal(3, Refused("正文。\n\n" + deep + "\n中间\n\n" + deep).Line);
        // Two on one line: the one further left.
        var line = ">>>>>>>>>>>>>>>>>>>>>>>>> 前 *a _b *c _d **e [f *g _h*_](x)**_*_* 中 *a _b *c _d **e [f *g _h*_](x)**_*_*\n";
        var d = Refused(line);
        Assert.Equal(1, d.Line);
        Assert.InRange(d.Column, 28, line.IndexOf('中'));
    }

    [Fact]
    public void When_markdig_gives_up_on_lists_the_line_with_the_most_list_markers_and_indentation_is_reported()
    {
        var lists = string.Concat(Enumerable.Repeat("- ", 200)) + "深\n";
        var d = Refused("正文。\n\n- 浅\n\n" + lists + "\n" + lists + "\n后文 [a](b) [c](d) *e* (f) <g>\n");
        Assert.Equal(5, d.Line);
        Assert.Equal("the Markdown nests more than 32 levels deep here (quotes, lists, links or emphasis inside each other); flatten it.", d.Message);
        var indented = string.Concat(Enumerable.Range(0, 200).Select(n => new string(' ', 2 * n) + "- x\n"));
        Assert.Equal(3 + 199, Refused("正文。\n\n" + indented).Line);
    }

    [Fact]
    public void When_markdig_gives_up_on_brackets_the_first_of_equal_lines_is_reported_and_plain_text_does_not_count()
    {
        var brackets = new string('[', 50000) + "a" + string.Concat(Enumerable.Repeat("](b)", 50000)) + "\n";
        var d = Refused("正文。\n\n" + brackets + "\n" + brackets + "\n" + new string('文', 300000) + "\n");
        Assert.Equal(3, d.Line);
    }

    [Theory]
    [InlineData("area")] [InlineData("base")] [InlineData("br")] [InlineData("col")] [InlineData("embed")]
    [InlineData("hr")] [InlineData("img")] [InlineData("input")] [InlineData("link")] [InlineData("meta")]
    [InlineData("param")] [InlineData("source")] [InlineData("track")] [InlineData("wbr")] [InlineData("p")]
    [InlineData("li")] [InlineData("dt")] [InlineData("dd")] [InlineData("tr")] [InlineData("td")] [InlineData("th")]
    [InlineData("thead")] [InlineData("tbody")] [InlineData("tfoot")] [InlineData("option")] [InlineData("optgroup")]
    [InlineData("rb")] [InlineData("rt")] [InlineData("rp")] [InlineData("colgroup")] [InlineData("html")]
    [InlineData("head")] [InlineData("body")]
    public void Each_void_or_implied_end_element_is_not_counted(string name)
    {
        Assert.True(Parse(Divs(60) + string.Concat(Enumerable.Repeat($"<{name}>", 10)) + "x\n").Parsed);
        Assert.True(Parse(Divs(60) + string.Concat(Enumerable.Repeat($"<{name.ToUpperInvariant()}>", 10)) + "x\n").Parsed);
    }

    [Fact]
    public void Text_that_only_looks_like_a_tag_is_not_counted()
    {
        Assert.True(Parse(Divs(60) + string.Concat(Enumerable.Repeat(" a < b <1> <-x> <!x> ", 10)) + "x\n").Parsed);
    }

    [Fact]
    public void A_comment_hides_what_is_inside_it_up_to_its_end_and_only_that()
    {
        // Elements whose '<' falls in the last characters before "-->" are still inside the comment.
        Assert.True(Parse(Divs(60) + string.Concat(Enumerable.Repeat("<!--<a-->", 10)) + "x\n").Parsed);
        // After the comment, elements count again.
        Refused("<!-- c -->" + Divs(65) + "x\n");
        // A comment never closed hides the rest of its raw HTML.
        Assert.True(Parse(Divs(60) + "<!--" + Divs(10) + "x\n").Parsed);
    }

    [Theory]
    [InlineData("<")]
    [InlineData("</")]
    [InlineData("<div")]
    [InlineData("<div class=\"a")]
    public void Raw_HTML_that_ends_inside_a_tag_is_read_without_failing(string tail)
    {
        Assert.True(Parse("<div>\n" + tail).Parsed);
        Assert.True(Parse("<div>\n" + tail + "\n").Parsed);
        Assert.True(Parse("文 <span>" + tail).Parsed);
    }

    // Written against the mutants the 2026-12-03 run left alive (docs/security.md, "Mutation testing").

    private static string NestedLinks(int n, string inside = "") =>
        string.Concat(Enumerable.Repeat("[" + inside, n)) + "a" + string.Concat(Enumerable.Repeat(inside + "](b)", n));

    [Fact]
    public void When_markdig_gives_up_indentation_list_markers_and_a_lone_dash_do_not_mislead_the_line_reported()
    {
        // Five spaces are two levels of indentation (a third needs six), words between spaces are not list markers,
        // and a line ending in a dash is read to its end.
        var d = Refused("正文。\n\n     缩进五格\n\na b c d e f\n\n-\n\n> -\n\n" + NestedLinks(50000) + "\n");
        Assert.Equal((11, 1), (d.Line, d.Column));
    }

    [Fact]
    public void When_markdig_gives_up_on_links_the_brackets_and_emphasis_marks_of_a_line_all_count()
    {
        // The line Markdig gives up on holds 50,000 '[' and 50,000 '(' (and 100,000 '*' in the second case): it is
        // reported, not an earlier line with 75,000 or 175,000 parentheses and nothing else to nest.
        var d = Refused("正文。\n\n" + new string('(', 75000) + "\n\n" + NestedLinks(50000) + "\n");
        Assert.Equal((5, 1), (d.Line, d.Column));
        d = Refused("正文。\n\n" + new string('(', 175000) + "\n\n" + NestedLinks(50000, "*") + "\n");
        Assert.Equal((5, 1), (d.Line, d.Column));
    }
}
