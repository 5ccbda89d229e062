using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EcoSite.Core.Render.Svg;

namespace EcoSite.Tests.Render.Svg;

public class SvgWriterTests
{
    [Fact]
    public void Every_palette_colour_reaches_3_to_1_against_white()
    {
        string[] marks = [.. SvgWriter.Palette, SvgWriter.HazardColor, SvgWriter.PrimaryColor, SvgWriter.TargetColor, SvgWriter.AxisColor];
        Assert.All(marks, c => Assert.True(SvgWriter.Contrast(c, "#fff") >= 3, $"{c}: {SvgWriter.Contrast(c, "#fff"):0.00}"));
    }

    [Fact]
    public void Text_colours_reach_4_5_to_1_against_white()
    {
        string[] texts = [SvgWriter.TextColor, SvgWriter.MutedTextColor, SvgWriter.AxisColor, SvgWriter.TargetColor, SvgWriter.HazardColor];
        Assert.All(texts, c => Assert.True(SvgWriter.Contrast(c, "#ffffff") >= 4.5, c));
    }

    [Fact]
    public void Contrast_matches_the_wcag_formula()
    {
        Assert.Equal(21, SvgWriter.Contrast("#000", "#fff"), 3);
        Assert.Equal(4.54, SvgWriter.Contrast("#767676", "#ffffff"), 2);
    }

    [Theory]
    [InlineData(12.0, "12")]
    [InlineData(1.25, "1.3")]
    [InlineData(-0.04, "0")]
    [InlineData(-1.26, "-1.3")]
    [InlineData(123456.789, "123456.8")]
    public void Num_rounds_to_one_decimal_without_negative_zero(double value, string expected) =>
        Assert.Equal(expected, SvgWriter.Num(value));

    [Fact]
    public void Escape_handles_markup_quotes_and_characters_xml_cannot_carry()
    {
        Assert.Equal("a&lt;b&amp;c&quot;d&#39;e&gt;", SvgWriter.Escape("a<b&c\"d'e>"));
        Assert.Equal("x\uFFFDy\uFFFDz", SvgWriter.Escape("x\u0001y\uD800z"));
        Assert.Equal("\U0001F600", SvgWriter.Escape("\U0001F600"));
    }

    [Fact]
    public void Wrap_breaks_chinese_anywhere_and_english_at_spaces()
    {
        var zh = SvgWriter.Wrap("山东示范钢铁集团有限公司", 84, 13, 2);
        Assert.Equal(2, zh.Count);
        Assert.All(zh, l => Assert.True(SvgWriter.EstimateWidth(l, 13) <= 84, l));
        Assert.Equal("山东示范钢铁集团有限公司", string.Concat(zh));

        var en = SvgWriter.Wrap("Demo Cement Works", 120, 13, 2);
        Assert.Equal(["Demo Cement", "Works"], en);
    }

    /// <summary>Every closing mark, after one to nine characters, at every width that would put it first on a line.</summary>
    [Fact]
    public void Wrap_never_starts_a_line_with_a_closing_bracket_or_full_width_punctuation()
    {
        var cases = 0;
        foreach (var mark in SvgWriter.NoLineStart)
            for (var before = 1; before <= 9; before++)
                for (var perLine = 2; perLine <= 9; perLine++)
                {
                    var text = "甲乙丙丁戊己庚辛壬"[..before] + mark + "子丑寅卯辰巳";
                    var lines = SvgWriter.Wrap(text, perLine * 13 + 0.5, 13, 20);
                    Assert.Equal(text, string.Concat(lines));
                    Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], SvgWriter.NoLineStart));
                    Assert.All(lines, l => Assert.True(SvgWriter.EstimateWidth(l, 13) <= perLine * 13 + 0.5, l));
                    if (before % perLine == 0) cases++;
                }
        Assert.True(cases > 50, $"only {cases} cases put the mark at a line's start before the rule");
    }

    [Fact]
    public void Wrap_ends_the_last_line_with_an_ellipsis_when_text_remains()
    {
        var lines = SvgWriter.Wrap("山东省示范生态工业园区钢铁冶炼集团股份有限公司第二分公司", 84, 13, 2);
        Assert.Equal(2, lines.Count);
        Assert.EndsWith(SvgWriter.Ellipsis, lines[1]);
        Assert.All(lines, l => Assert.True(SvgWriter.EstimateWidth(l, 13) <= 84, l));
    }

    [Fact]
    public void Truncate_keeps_text_that_fits_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("short", SvgWriter.Truncate("short", 100, 13));
        var cut = SvgWriter.Truncate(string.Concat(Enumerable.Repeat("\U00020000", 20)), 50, 13);
        Assert.EndsWith(SvgWriter.Ellipsis, cut);
        Assert.False(cut.Any(char.IsSurrogate) && cut.Count(char.IsHighSurrogate) != cut.Count(char.IsLowSurrogate));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("a\"b")]
    public void Invalid_id_prefixes_are_rejected(string prefix) =>
        Assert.Throws<ArgumentException>(() => SvgWriter.RequireIdPrefix(prefix));
}

/// <summary>Assertions every chart must pass: well-formed, labelled, self-contained, legible.</summary>
internal static partial class SvgAssert
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Parse(string svg) => XElement.Parse(svg, LoadOptions.PreserveWhitespace);

    public static XElement IsAccessibleChart(string svg, string prefix, string title, string description)
    {
        var root = Parse(svg);
        Assert.Equal(Ns + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal($"{prefix}-title {prefix}-desc", (string?)root.Attribute("aria-labelledby"));
        var children = root.Elements().ToList();
        Assert.Equal(Ns + "title", children[0].Name);
        Assert.Equal($"{prefix}-title", (string?)children[0].Attribute("id"));
        Assert.Equal(title, children[0].Value);
        Assert.Equal(Ns + "desc", children[1].Name);
        Assert.Equal($"{prefix}-desc", (string?)children[1].Attribute("id"));
        Assert.Equal(description, children[1].Value);
        Assert.Matches("^0 0 [0-9.]+ [0-9.]+$", (string?)root.Attribute("viewBox"));
        Assert.Contains("width:100%", (string?)root.Attribute("style"));
        Assert.Contains("Microsoft YaHei", (string?)root.Attribute("font-family"));

        Assert.All(root.DescendantsAndSelf().Attributes("id"), id => Assert.StartsWith(prefix + "-", id.Value));
        IsSelfContained(root);
        TextIsLegibleOnAPhone(root);
        return root;
    }

    public static void IsSelfContained(XElement root)
    {
        Assert.Empty(root.Descendants(Ns + "script"));
        Assert.Empty(root.Descendants(Ns + "foreignObject"));
        foreach (var attribute in root.DescendantsAndSelf().Attributes())
        {
            Assert.False(attribute.Name.LocalName.StartsWith("on", StringComparison.Ordinal), attribute.ToString());
            Assert.False(attribute.Name.LocalName == "href" && !attribute.Value.StartsWith('#'), attribute.ToString());
            foreach (Match url in UrlReference().Matches(attribute.Value))
            {
                Assert.StartsWith("#", url.Groups[1].Value);
            }
        }
    }

    // At 288 px wide (a 320 px phone less margins), or at the chart's own min-width when it declares one (it then
    // scrolls on a phone), text is at least 12 px and has 4.5:1 against white.
    public static void TextIsLegibleOnAPhone(XElement root)
    {
        var viewBoxWidth = double.Parse(((string)root.Attribute("viewBox")!).Split(' ')[2], CultureInfo.InvariantCulture);
        var minWidth = Regex.Match((string?)root.Attribute("style") ?? "", @"min-width:([0-9.]+)px") is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var renderWidth = Math.Max(SvgWriter.MinRenderWidth, minWidth);
        foreach (var text in root.Descendants().Where(e => e.Name == Ns + "text" || e.Name == Ns + "tspan"))
        {
            if ((string?)text.Attribute("aria-hidden") == "true")
            {
                continue;
            }

            var size = double.Parse(Inherited(text, "font-size")!, CultureInfo.InvariantCulture);
            Assert.True(size * renderWidth / viewBoxWidth >= 12, $"{size} in {viewBoxWidth}: {text.Value}");
            var fill = Inherited(text, "fill")!;
            Assert.True(SvgWriter.Contrast(fill, "#ffffff") >= 4.5, $"{fill}: {text.Value}");
        }
    }

    // Horizontal extent of a text element from its anchor and estimated width.
    public static (double Left, double Right) Span(XElement text, double fontSize)
    {
        var x = Attr(text, "x");
        var w = SvgWriter.EstimateWidth(text.Value, fontSize);
        return (string?)text.Attribute("text-anchor") switch
        {
            "end" => (x - w, x),
            "middle" => (x - (w / 2), x + (w / 2)),
            _ => (x, x + w),
        };
    }

    public static string? Inherited(XElement element, string attribute) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute(attribute)).FirstOrDefault(v => v is not null);

    public static double[] Numbers(string text) =>
        [.. NumberPattern().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];

    public static double Attr(XElement element, string name) =>
        double.Parse((string)element.Attribute(name)!, CultureInfo.InvariantCulture);

    public static IEnumerable<XElement> WithClass(XElement root, string cssClass) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    [GeneratedRegex(@"url\(([^)]*)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"-?[0-9]+(\.[0-9]+)?")]
    private static partial Regex NumberPattern();
}

/// <summary>Finds elements of a parsed chart by SVG element name.</summary>
internal sealed class SvgElementQuery(XElement root)
{
    public XElement Root { get; } = root;

    public IEnumerable<XElement> All(string localName) => Root.Descendants(SvgAssert.Ns + localName);

    public XElement Single(string localName) => Assert.Single(All(localName));

    public IReadOnlyList<string> Texts() => [.. All("text").Select(t => t.Value)];
}
