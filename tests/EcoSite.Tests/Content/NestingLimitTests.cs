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
}
