using System.Xml.Linq;
using EcoSite.Core.Render.Svg;

namespace EcoSite.Tests.Render.Svg;

public class SankeyDiagramTests
{
    private static readonly SankeyFlow[] ParkFlows =
    [
        new("示范钢铁", "示范水泥", "高炉矿渣", 120_000, false),
        new("示范钢铁", "示范建材", "钢渣", 45_000, false),
        new("示范化工", "危废处置中心", "废矿物油", 30, true),
        new("示范电厂", "示范水泥", "粉煤灰", 60_000, false),
        new("示范电厂", "示范建材", "脱硫石膏", 20_000, false),
    ];

    private static XElement Parse(string svg) => SvgAssert.Parse(svg);

    // Band path: M x0,y0 C xm,y0 xm,y1 x1,y1 L x1,y1+w C xm,y1+w xm,y0+w x0,y0+w Z
    private static double BandWidth(XElement band)
    {
        var n = SvgAssert.Numbers((string)band.Attribute("d")!);
        Assert.Equal(n[6], n[8]);
        Assert.InRange((n[9] - n[7]) - (n[15] - n[1]), -0.15, 0.15); // same width at both ends
        return n[15] - n[1];
    }

    private static XElement BandFor(XElement root, string source, string target) =>
        SvgAssert.WithClass(root, "band").Single(b => b.Element(SvgAssert.Ns + "title")!.Value.StartsWith($"{source} → {target}:", StringComparison.Ordinal));

    [Fact]
    public void Sankey_is_an_accessible_chart_labelled_by_its_title_and_description()
    {
        var svg = SankeyDiagram.Render("waste-2025", ParkFlows, "2025 年废物流向", "5 条流向，合计 245,030 吨", "t", "危险废物");
        SvgAssert.IsAccessibleChart(svg, "waste-2025", "2025 年废物流向", "5 条流向，合计 245,030 吨");
    }

    [Fact]
    public void Sankey_renders_the_same_bytes_whatever_the_input_order()
    {
        var first = SankeyDiagram.Render("w", ParkFlows, "T", "D", "t");
        Assert.Equal(first, SankeyDiagram.Render("w", ParkFlows, "T", "D", "t"));
        Assert.Equal(first, SankeyDiagram.Render("w", ParkFlows.Reverse().ToArray(), "T", "D", "t"));
    }

    [Fact]
    public void A_band_of_double_quantity_is_double_width()
    {
        var root = Parse(SankeyDiagram.Render("w", [new("A", "X", "slag", 100, false), new("B", "Y", "ash", 200, false)], "T", "D", "t"));
        var single = BandWidth(BandFor(root, "A", "X"));
        var twice = BandWidth(BandFor(root, "B", "Y"));
        Assert.Equal(2.0, twice / single, 2);
    }

    [Fact]
    public void A_node_is_as_tall_as_its_bands_together()
    {
        var root = Parse(SankeyDiagram.Render("w", ParkFlows, "T", "D", "t"));
        var steel = SvgAssert.WithClass(root, "node").First(n => n.Element(SvgAssert.Ns + "title")!.Value.StartsWith("示范钢铁:", StringComparison.Ordinal));
        var rect = steel.Element(SvgAssert.Ns + "rect")!;
        var expected = BandWidth(BandFor(root, "示范钢铁", "示范水泥")) + BandWidth(BandFor(root, "示范钢铁", "示范建材"));
        Assert.InRange(SvgAssert.Attr(rect, "height") - expected, -0.25, 0.25); // each rounded to 0.1
    }

    [Fact]
    public void A_tiny_flow_next_to_a_huge_one_stays_visible()
    {
        var root = Parse(SankeyDiagram.Render("w", [new("A", "X", "slag", 1_000_000, false), new("B", "Y", "oil", 0.5, true)], "T", "D", "t"));
        Assert.True(BandWidth(BandFor(root, "B", "Y")) >= 3);
    }

    [Fact]
    public void Only_hazardous_flows_are_hatched_dashed_and_marked()
    {
        var root = Parse(SankeyDiagram.Render("w", ParkFlows, "T", "D", "t", "危险废物"));
        var hazardous = Assert.Single(SvgAssert.WithClass(root, "hazardous"));
        Assert.Equal("url(#w-hazard)", (string?)hazardous.Attribute("fill"));
        Assert.NotNull(hazardous.Attribute("stroke-dasharray"));
        Assert.Contains("危险废物", hazardous.Element(SvgAssert.Ns + "title")!.Value);
        Assert.All(SvgAssert.WithClass(root, "band").Where(b => b != hazardous), b =>
        {
            Assert.Null(b.Attribute("stroke-dasharray"));
            Assert.DoesNotContain("url(", (string?)b.Attribute("fill"));
        });
        Assert.Single(root.Descendants(SvgAssert.Ns + "pattern"), p => (string?)p.Attribute("id") == "w-hazard");
        Assert.Equal(2, SvgAssert.WithClass(root, "hazard-mark").Count()); // on the band and in the legend
        Assert.Contains("危险废物", SvgAssert.WithClass(root, "legend").Single().Value);
    }

    [Fact]
    public void Without_hazardous_flows_there_is_no_pattern_mark_or_legend()
    {
        var root = Parse(SankeyDiagram.Render("w", ParkFlows.Where(f => !f.Hazardous).ToArray(), "T", "D", "t", "危险废物"));
        Assert.Empty(root.Descendants(SvgAssert.Ns + "pattern"));
        Assert.Empty(SvgAssert.WithClass(root, "hazard-mark"));
        Assert.Empty(SvgAssert.WithClass(root, "legend"));
    }

    [Fact]
    public void Nodes_show_name_and_total_with_the_unit()
    {
        var texts = Parse(SankeyDiagram.Render("w", ParkFlows, "T", "D", "吨")).Descendants(SvgAssert.Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("示范钢铁", texts);
        Assert.Contains("165,000 吨", texts);   // steel sends 120,000 + 45,000
        Assert.Contains("180,000 吨", texts);   // cement receives 120,000 + 60,000
        Assert.Contains("30 吨", texts);
    }

    [Fact]
    public void An_enterprise_that_sends_and_receives_appears_in_both_columns()
    {
        var root = Parse(SankeyDiagram.Render("w", [new("A", "B", "slag", 10, false), new("B", "C", "ash", 5, false)], "T", "D", "t"));
        var bNodes = SvgAssert.WithClass(root, "node").Where(n => n.Element(SvgAssert.Ns + "title")!.Value.StartsWith("B:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, bNodes.Count);
        Assert.NotEqual(SvgAssert.Attr(bNodes[0].Element(SvgAssert.Ns + "rect")!, "x"), SvgAssert.Attr(bNodes[1].Element(SvgAssert.Ns + "rect")!, "x"));
    }

    [Fact]
    public void Long_names_wrap_whole_inside_the_picture_never_cut_and_stay_whole_in_a_title()
    {
        const string longZh = "山东省示范生态工业园区钢铁冶炼集团股份有限公司第二分公司";
        const string longEn = "Shandong Demonstration Eco-Industrial Park Hazardous Waste Disposal Centre";
        var svg = SankeyDiagram.Render("w", [new(longZh, longEn, "slag", 10, false)], "T", "D", "t");
        var root = SvgAssert.IsAccessibleChart(svg, "w", "T", "D");
        var nodes = SvgAssert.WithClass(root, "node").ToList();
        Assert.Contains(nodes, n => n.Element(SvgAssert.Ns + "title")!.Value == longZh + ": 10 t");
        Assert.Contains(nodes, n => n.Element(SvgAssert.Ns + "title")!.Value == longEn + ": 10 t");
        var texts = root.Descendants(SvgAssert.Ns + "text").ToList();
        Assert.DoesNotContain(texts, t => t.Value.Contains('…'));
        foreach (var node in nodes)
        {
            var lines = node.Elements(SvgAssert.Ns + "text").Select(t => t.Value).ToList();
            Assert.True(lines.Count > 2, "a long name wraps over several lines");
            var name = string.Concat(lines.SkipLast(1)).Replace(" ", "");
            Assert.Contains(name, new[] { longZh, longEn.Replace(" ", "") });
        }

        foreach (var text in texts)
        {
            var (left, right) = SvgAssert.Span(text, 12);
            Assert.True(left >= 0 && right <= 760, $"'{text.Value}' spans {left:0.0}..{right:0.0}");
        }
    }

    [Fact]
    public void Every_flow_is_labelled_with_its_material_and_quantity_and_labels_do_not_overlap()
    {
        var root = SvgAssert.IsAccessibleChart(SankeyDiagram.Render("w", ParkFlows, "T", "D", "t"), "w", "T", "D");
        var labels = SvgAssert.WithClass(root, "material").ToList();
        Assert.Equal(ParkFlows.Length, labels.Count);
        foreach (var f in ParkFlows)
        {
            Assert.Contains(labels, l => l.Value.StartsWith(f.Material + " ", StringComparison.Ordinal) && l.Value.EndsWith(" t", StringComparison.Ordinal));
        }

        var ys = labels.Select(l => SvgAssert.Attr(l, "y")).Order().ToList();
        for (var i = 1; i < ys.Count; i++)
        {
            Assert.True(ys[i] - ys[i - 1] >= 12, $"labels at {ys[i - 1]} and {ys[i]} overlap");
        }
    }

    [Fact]
    public void The_diagram_is_not_capped_at_a_phone_width()
    {
        var style = (string)SvgAssert.IsAccessibleChart(SankeyDiagram.Render("w", ParkFlows, "T", "D", "t"), "w", "T", "D").Attribute("style")!;
        Assert.Contains("min-width:760px", style);
        Assert.DoesNotMatch(@"max-width:(4\d\d|[1-3]\d\d)px", style);
    }

    [Fact]
    public void Markup_in_names_and_materials_is_escaped()
    {
        var svg = SankeyDiagram.Render("w", [new("A<&\"B", "C'D>", "x<y", 1, true)], "T<", "D&", "t", "<危>");
        var root = SvgAssert.IsAccessibleChart(svg, "w", "T<", "D&");
        Assert.Contains(SvgAssert.WithClass(root, "node"), n => n.Element(SvgAssert.Ns + "title")!.Value == "A<&\"B: 1 t");
        Assert.Equal("A<&\"B → C'D>: x<y 1 t (<危>)", SvgAssert.WithClass(root, "band").Single().Element(SvgAssert.Ns + "title")!.Value);
    }

    [Fact]
    public void Two_diagrams_on_one_page_have_distinct_ids()
    {
        var a = Parse(SankeyDiagram.Render("w2024", ParkFlows, "T", "D", "t"));
        var b = Parse(SankeyDiagram.Render("w2025", ParkFlows, "T", "D", "t"));
        var ids = a.DescendantsAndSelf().Concat(b.DescendantsAndSelf()).Attributes("id").Select(i => i.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Empty_flows_render_nothing_so_the_page_can_say_no_data() =>
        Assert.Equal(string.Empty, SankeyDiagram.Render("w", [], "T", "D", "t"));

    [Fact]
    public void Negative_quantities_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SankeyDiagram.Render("w", [new("A", "B", "m", -1, false)], "T", "D", "t"));
}
