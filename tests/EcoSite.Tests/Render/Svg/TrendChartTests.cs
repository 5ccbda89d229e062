using EcoSite.Core.Render.Svg;

namespace EcoSite.Tests.Render.Svg;

public class TrendChartTests
{
    private static readonly TrendPoint[] FiveYears =
    [
        new(2021, 71.5), new(2022, 80), new(2023, 84.25), new(2024, 90.1), new(2025, 92.3),
    ];

    private static SvgElementQuery Query(string svg) => new(SvgAssert.Parse(svg));

    [Fact]
    public void Trend_is_an_accessible_chart_labelled_by_its_title_and_description()
    {
        var svg = TrendChart.Render("ind-swu", FiveYears, "固体废物综合利用率 <趋势>", "2021–2025 年 & 逐年上升", "单位：%",
            new TrendTarget(70, "目标 ≥ 70"));
        SvgAssert.IsAccessibleChart(svg, "ind-swu", "固体废物综合利用率 <趋势>", "2021–2025 年 & 逐年上升");
    }

    [Fact]
    public void Trend_draws_a_line_through_every_point_with_its_value_and_year()
    {
        var q = Query(TrendChart.Render("t", FiveYears, "T", "D", "%"));
        Assert.Equal(5, SvgAssert.Numbers((string)q.Single("polyline").Attribute("points")!).Length / 2);
        Assert.Equal(5, q.All("circle").Count());
        var texts = q.Texts();
        Assert.Contains("92.3", texts);
        Assert.Contains("84.25", texts);
        Assert.Contains("2025", texts);
        Assert.Contains("2021", texts);
        Assert.Contains("%", texts);
    }

    [Fact]
    public void Trend_sorts_points_by_year_so_input_order_does_not_matter()
    {
        var forward = TrendChart.Render("t", FiveYears, "T", "D", null);
        var backward = TrendChart.Render("t", FiveYears.Reverse().ToArray(), "T", "D", null);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Trend_renders_the_same_bytes_twice() =>
        Assert.Equal(
            TrendChart.Render("t", FiveYears, "T", "D", "%", new TrendTarget(70, "target")),
            TrendChart.Render("t", FiveYears, "T", "D", "%", new TrendTarget(70, "target")));

    [Fact]
    public void One_point_draws_a_single_dot_with_its_label_and_no_line()
    {
        var svg = TrendChart.Render("one", [new TrendPoint(2025, 41)], "绿化覆盖率", "仅 2025 年", "%");
        SvgAssert.IsAccessibleChart(svg, "one", "绿化覆盖率", "仅 2025 年");
        var q = Query(svg);
        Assert.Empty(q.All("polyline"));
        Assert.Single(q.All("circle"));
        Assert.Contains("41", q.Texts());
        Assert.Contains("2025", q.Texts());
    }

    [Fact]
    public void Empty_trend_renders_nothing_so_the_page_can_say_no_data() =>
        Assert.Equal(string.Empty, TrendChart.Render("t", [], "T", "D", null));

    [Fact]
    public void Yes_no_indicator_is_labelled_with_the_callers_words_and_no_is_a_hollow_dot()
    {
        var points = new[] { new TrendPoint(2023, 0), new TrendPoint(2024, 1), new TrendPoint(2025, 1) };
        var q = Query(TrendChart.Render("yn", points, "T", "D", null, null, new YesNoLabels("是", "否")));
        var texts = q.Texts();
        Assert.Contains("否", texts);
        Assert.Contains("是", texts);
        Assert.DoesNotContain("1", texts);
        var fills = q.All("circle").Select(c => (string?)c.Attribute("fill")).ToList();
        Assert.Equal("#ffffff", fills[0]);
        Assert.NotEqual("#ffffff", fills[1]);
    }

    [Fact]
    public void Target_is_a_dashed_line_with_its_label()
    {
        var q = Query(TrendChart.Render("t", FiveYears, "T", "D", null, new TrendTarget(70, "目标 ≥ 70")));
        var line = Assert.Single(SvgAssert.WithClass(q.Root, "target"));
        Assert.NotNull(line.Attribute("stroke-dasharray"));
        Assert.Contains("目标 ≥ 70", q.Texts());
    }

    [Fact]
    public void Value_and_year_labels_never_overlap_and_the_latest_year_is_always_labelled()
    {
        var decade = Enumerable.Range(2016, 10).Select(y => new TrendPoint(y, 100_000 + (y * 37.5))).ToArray();
        var q = Query(TrendChart.Render("t", decade, "T", "D", "t"));
        var labels = q.All("text").Select(t => (Span: SvgAssert.Span(t, 12), Y: SvgAssert.Attr(t, "y"), t.Value)).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                var (a, b) = (labels[i], labels[j]);
                var overlapX = a.Span.Left < b.Span.Right && b.Span.Left < a.Span.Right;
                var overlapY = Math.Abs(a.Y - b.Y) < 12;
                Assert.False(overlapX && overlapY, $"'{a.Value}' overlaps '{b.Value}'");
            }
        }

        Assert.Contains("2025", q.Texts());
        Assert.All(labels, l => Assert.True(l.Span.Left >= 0 && l.Span.Right <= 240, l.Value));
    }

    [Fact]
    public void Duplicate_years_are_rejected() =>
        Assert.Throws<ArgumentException>(() =>
            TrendChart.Render("t", [new TrendPoint(2025, 1), new TrendPoint(2025, 2)], "T", "D", null));

    [Fact]
    public void Non_finite_values_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TrendChart.Render("t", [new TrendPoint(2025, double.NaN)], "T", "D", null));
}
