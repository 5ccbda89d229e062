using System.Xml.Linq;
using EcoSite.Core.Render.Svg;

namespace EcoSite.Tests.Render.Svg;

public class BarChartTests
{
    private static readonly BarItem[] Categories =
    [
        new("园区管理工作信息", 20, "最新动态 2026-11-20", 14.2),
        new("指标数据达标情况", 12.5, "上报 25 项中的 16 项", 9.8),
        new("先进经验技术总结", 10, null, 6.1),
        new("废物供需流向", 10, "无有效交换信息", 5.5),
        new("重点排污单位信息公开", 0, "暂无", 8.0),
    ];

    private static XElement Parse(string svg) => SvgAssert.Parse(svg);

    private static List<double> ValueWidths(XElement root) =>
        [.. SvgAssert.WithClass(root, "value").Select(r => SvgAssert.Attr(r, "width"))];

    [Fact]
    public void Bar_chart_is_an_accessible_chart_labelled_by_its_title_and_description()
    {
        var svg = BarChart.Render("score", Categories, 20, "完善程度 52.5 分", "五类各 20 分", " / 20", "2020 全国调查");
        SvgAssert.IsAccessibleChart(svg, "score", "完善程度 52.5 分", "五类各 20 分");
    }

    [Fact]
    public void Bar_lengths_are_proportional_to_value_over_max()
    {
        var widths = ValueWidths(Parse(BarChart.Render("s", Categories, 20, "T", "D", null)));
        Assert.InRange(widths[2] - (widths[0] / 2), -0.1, 0.1);
        Assert.InRange(widths[1] - (widths[0] * 12.5 / 20), -0.1, 0.1);
        Assert.Equal(0, widths[4]);
    }

    [Fact]
    public void Values_beyond_the_scale_are_printed_as_they_are_and_drawn_clamped()
    {
        var root = Parse(BarChart.Render("s", [new("over", 25, null), new("full", 20, null), new("under", -3, null)], 20, "T", "D", null));
        var widths = ValueWidths(root);
        Assert.Equal(widths[1], widths[0]);
        Assert.Equal(0, widths[2]);
        var texts = root.Descendants(SvgAssert.Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("25.0", texts);
        Assert.Contains("-3.0", texts);
    }

    [Fact]
    public void Values_are_printed_to_fixed_decimals_with_the_suffix()
    {
        var texts = Parse(BarChart.Render("s", Categories, 20, "T", "D", " / 20")).Descendants(SvgAssert.Ns + "tspan").Select(t => t.Value).ToList();
        Assert.Contains("20.0 / 20", texts);
        Assert.Contains("12.5 / 20", texts);
        Assert.Contains("14.2", Parse(BarChart.Render("s", Categories, 20, "T", "D", " / 20")).Descendants(SvgAssert.Ns + "text").Select(t => t.Value));
    }

    [Fact]
    public void A_reference_value_is_named_in_words_with_a_neutral_marker_and_a_wrapped_legend()
    {
        const string legend = "2020 年全国 55 个国家生态工业示范园区调查的各类平均得分（总体平均完善程度 34.2%）";
        var root = Parse(BarChart.Render("s", [new BarItem("园区管理工作信息", 12.5, null, 14.0)], 20, "T", "D", " / 20", legend,
            referenceValueFormat: "2020年调查 {0}"));
        var texts = root.Descendants(SvgAssert.Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("2020年调查 14.0", texts);
        Assert.Contains("园区管理工作信息", texts);
        Assert.DoesNotContain(root.Descendants().Select(e => e.Value), v => v.Contains('\u25BC') || v.Contains('\u25B2'));
        var legendText = string.Concat(SvgAssert.WithClass(root, "legend").Single().Descendants(SvgAssert.Ns + "text").Select(t => t.Value));
        Assert.Contains("34.2%", legendText);
        Assert.True(SvgAssert.WithClass(root, "legend").Single().Descendants(SvgAssert.Ns + "text").Count() >= 2, "the legend wraps instead of being cut");
        Assert.DoesNotContain(SvgWriter.Ellipsis, legendText);
        // The marker has no direction: its path is symmetric about its x.
        var path = SvgAssert.WithClass(root, "reference").First().Element(SvgAssert.Ns + "path")!.Attribute("d")!.Value;
        Assert.Equal(4, path.Split(' ').Count(p => p.StartsWith('M') || p.StartsWith('L')));
    }

    [Fact]
    public void Reference_markers_appear_only_on_bars_with_a_reference_and_the_legend_explains_them()
    {
        var bars = new[] { new BarItem("a", 10, null, 5), new BarItem("b", 10, null) };
        var root = Parse(BarChart.Render("s", bars, 20, "T", "D", null, "2020 全国调查"));
        var markers = SvgAssert.WithClass(root, "reference").ToList();
        Assert.Equal(2, markers.Count); // one on bar a, one in the legend
        Assert.Equal("2020 全国调查", SvgAssert.WithClass(root, "legend").Single().Descendants(SvgAssert.Ns + "text").Single().Value);

        var noLegend = Parse(BarChart.Render("s", bars, 20, "T", "D", null));
        Assert.Single(SvgAssert.WithClass(noLegend, "reference"));
        Assert.Empty(SvgAssert.WithClass(noLegend, "legend"));
    }

    [Fact]
    public void Reference_marker_sits_at_the_reference_value()
    {
        var root = Parse(BarChart.Render("s", [new BarItem("a", 20, null, 5)], 20, "T", "D", null));
        var value = SvgAssert.WithClass(root, "value").Single();
        var line = SvgAssert.WithClass(root, "reference").Single().Element(SvgAssert.Ns + "line")!;
        var x0 = SvgAssert.Attr(value, "x");
        Assert.Equal(x0 + (SvgAssert.Attr(value, "width") / 4), SvgAssert.Attr(line, "x1"), 1);
    }

    [Fact]
    public void Notes_are_printed_under_their_bar()
    {
        var texts = Parse(BarChart.Render("s", Categories, 20, "T", "D", null)).Descendants(SvgAssert.Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("上报 25 项中的 16 项", texts);
    }

    [Fact]
    public void Long_labels_are_cut_with_an_ellipsis_and_kept_whole_in_a_title()
    {
        var label = string.Concat(Enumerable.Repeat("重点排污单位信息公开", 4));
        var root = Parse(BarChart.Render("s", [new BarItem(label, 1, null)], 20, "T", "D", " / 20"));
        var bar = SvgAssert.WithClass(root, "bar").Single();
        Assert.Equal(label, bar.Element(SvgAssert.Ns + "title")!.Value);
        Assert.EndsWith("…", bar.Elements(SvgAssert.Ns + "text").First().Value);
    }

    [Fact]
    public void Markup_in_labels_and_notes_is_escaped()
    {
        var svg = BarChart.Render("s", [new BarItem("a<b & \"c\"", 1, "n<&>")], 20, "T&", "D<", " <分>");
        var root = SvgAssert.IsAccessibleChart(svg, "s", "T&", "D<");
        var texts = root.Descendants(SvgAssert.Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("a<b & \"c\"", texts);
        Assert.Contains("n<&>", texts);
        Assert.Contains("1.0 <分>", texts);
    }

    [Fact]
    public void Bar_chart_renders_the_same_bytes_twice() =>
        Assert.Equal(
            BarChart.Render("s", Categories, 20, "T", "D", " / 20", "ref"),
            BarChart.Render("s", Categories, 20, "T", "D", " / 20", "ref"));

    [Fact]
    public void Empty_bars_render_nothing_so_the_page_can_say_no_data() =>
        Assert.Equal(string.Empty, BarChart.Render("s", [], 20, "T", "D", null));

    [Fact]
    public void A_scale_that_is_not_positive_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BarChart.Render("s", Categories, 0, "T", "D", null));
}
