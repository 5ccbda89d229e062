using EcoSite.Core.Render.Svg;

namespace EcoSite.Tests.Render.Svg;

public class TargetGapChartTests
{
    private const string LongName = "建设规划实施后新增构建生态工业链项目数量与资源再生利用产业增加值占园区工业增加值比例";

    private static readonly TargetGapBar[] Bars =
    [
        new(LongName, 50, "50%", "数值 3 个，目标 ≥ 6 个", "✗ 未达标", false),
        new("单位工业增加值综合能耗", 108.7, "109%", "数值 0.46 吨标准煤/万元，目标 ≤ 0.5 吨标准煤/万元", "✓ 达标", true),
        new("人均工业增加值", 200, "267%", "数值 40.1 万元/人，目标 ≥ 15 万元/人", "✓ 达标", true),
    ];

    private static string Render() => TargetGapChart.Render("gap-economy", Bars, "经济发展：各指标相对目标的完成程度（2025年）", "说明", "目标线（100%）", "占目标的百分比");

    private static List<string> Texts(string svg) =>
        [.. SvgAssert.Parse(svg).Descendants(SvgAssert.Ns + "text").Select(t => t.Value)];

    [Fact]
    public void Overview_is_an_accessible_chart_labelled_by_its_title_and_description() =>
        SvgAssert.IsAccessibleChart(Render(), "gap-economy", "经济发展：各指标相对目标的完成程度（2025年）", "说明");

    [Fact]
    public void The_axis_is_labelled_from_0_to_200_percent_and_the_target_line_stands_at_100_percent()
    {
        var root = SvgAssert.Parse(Render());
        var ticks = SvgAssert.WithClass(root, "ticks").Single().Elements(SvgAssert.Ns + "text").ToList();
        Assert.Equal(["0%", "50%", "100%", "150%", "200%"], ticks.Select(t => t.Value));
        var hundred = SvgAssert.Attr(ticks[2], "x");
        var targetLines = SvgAssert.WithClass(root, "target-line").ToList();
        Assert.True(targetLines.Count >= Bars.Length + 1, "a target line through every bar and on the axis");
        Assert.All(targetLines.Skip(1), l => Assert.Equal(hundred, SvgAssert.Attr(l, "x1"), 3));
        Assert.Contains("目标线（100%）", Texts(Render()));
    }

    [Fact]
    public void Bars_are_proportional_to_the_percentage_and_clamped_at_200_with_the_real_figure_printed()
    {
        var root = SvgAssert.Parse(Render());
        var widths = SvgAssert.WithClass(root, "value").Select(r => SvgAssert.Attr(r, "width")).ToList();
        var track = SvgAssert.Attr(SvgAssert.WithClass(root, "track").First(), "width");
        Assert.Equal(track / 4, widths[0], 3);
        Assert.Equal(track * 108.7 / 200, widths[1], 1);
        Assert.Equal(track, widths[2], 3);
        Assert.Contains(Texts(Render()), t => t.EndsWith("267%", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_names_wrap_whole_and_are_never_cut()
    {
        var texts = Texts(Render());
        Assert.DoesNotContain(texts, t => t.Contains(SvgWriter.Ellipsis, StringComparison.Ordinal));
        Assert.DoesNotContain(LongName, texts); // too long for one line: it wraps
        Assert.Contains(LongName, string.Concat(texts));
    }

    [Fact]
    public void Met_and_not_met_are_said_in_words_next_to_each_bar_with_value_target_and_units()
    {
        var texts = Texts(Render());
        Assert.Contains("✗ 未达标 · 50%", texts);
        Assert.Contains("✓ 达标 · 109%", texts);
        Assert.Contains(texts, t => t.Contains("目标 ≥ 6 个", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_to_draw_gives_no_chart_and_bad_figures_are_refused()
    {
        Assert.Equal(string.Empty, TargetGapChart.Render("g", [], "T", "D", "L", "A"));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TargetGapChart.Render("g", [new("x", double.NaN, "", "", "", true)], "T", "D", "L", "A"));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TargetGapChart.Render("g", [new("x", -1, "", "", "", true)], "T", "D", "L", "A"));
    }

    [Fact]
    public void Same_bars_same_bytes() => Assert.Equal(Render(), Render());
}
