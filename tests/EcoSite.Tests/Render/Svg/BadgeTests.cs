using System.Xml.Linq;
using EcoSite.Core.Render.Svg;

namespace EcoSite.Tests.Render.Svg;

public class BadgeTests
{
    private static XElement Parse(string svg) => SvgAssert.Parse(svg);

    [Fact]
    public void Badge_is_an_image_named_label_colon_message()
    {
        var root = Parse(Badge.Render("完善程度", "92.5", Badge.Green));
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("完善程度: 92.5", (string?)root.Attribute("aria-label"));
        Assert.Equal("完善程度: 92.5", root.Element(SvgAssert.Ns + "title")!.Value);
        Assert.Equal("20", (string?)root.Attribute("height"));
        Assert.NotEmpty(root.Descendants(SvgAssert.Ns + "linearGradient"));
        SvgAssert.IsSelfContained(root);
    }

    [Fact]
    public void Badge_width_is_each_text_plus_ten_pixels_either_side()
    {
        var root = Parse(Badge.Render("score", "90.0", "#4c1"));
        var expected = Math.Ceiling(Badge.MeasureText("score")) + 20 + Math.Ceiling(Badge.MeasureText("90.0")) + 20;
        Assert.Equal(expected, SvgAssert.Attr(root, "width"));
    }

    [Fact]
    public void Badge_grows_with_its_text()
    {
        var narrow = SvgAssert.Attr(Parse(Badge.Render("a", "1", Badge.Red)), "width");
        var wide = SvgAssert.Attr(Parse(Badge.Render("completeness", "100.0", Badge.Red)), "width");
        Assert.True(wide > narrow);
    }

    [Fact]
    public void Measure_uses_verdana_widths_for_ascii()
    {
        // Verdana advance widths (2048 units per em) at 11 px.
        Assert.Equal(1230 * 11 / 2048.0, Badge.MeasureText("a"));
        Assert.Equal(720 * 11 / 2048.0, Badge.MeasureText(" "));
        Assert.Equal(3 * 1302 * 11 / 2048.0, Badge.MeasureText("123"));
    }

    [Fact]
    public void Chinese_measures_one_em_per_character_wider_than_as_many_latin_letters()
    {
        Assert.Equal(44, Badge.MeasureText("完善程度"));
        Assert.Equal(22, Badge.MeasureText("（，"));
        Assert.True(Badge.MeasureText("完善程度") > Badge.MeasureText("abcd"));
        Assert.True(Badge.MeasureText("完善程度") > Badge.MeasureText("WWWW"));
    }

    [Fact]
    public void Combining_marks_add_no_width() =>
        Assert.Equal(Badge.MeasureText("e"), Badge.MeasureText("e\u0301"));

    [Theory]
    [InlineData(100, "#2b7a0b", "brightgreen")]
    [InlineData(90, "#2b7a0b", "brightgreen")]
    [InlineData(89.95, "#2b7a0b", "brightgreen")] // printed as 90.0
    [InlineData(89.94, "#dfb317", "yellow")]
    [InlineData(89.9, "#dfb317", "yellow")]
    [InlineData(60, "#dfb317", "yellow")]
    [InlineData(59.9, "#c0392b", "red")]
    [InlineData(0, "#c0392b", "red")]
    public void Colour_follows_the_score_as_printed(double score, string hex, string name)
    {
        Assert.Equal(hex, Badge.ColorFor(score));
        Assert.Equal(name, Badge.ColorName(score));
    }

    [Theory]
    [InlineData(Badge.Green)]
    [InlineData(Badge.Yellow)]
    [InlineData(Badge.Red)]
    [InlineData("#4c1")]
    [InlineData("#e05d44")]
    [InlineData("#007ec6")]
    public void Message_text_keeps_the_best_contrast_available_on_its_fill(string fill)
    {
        var root = Parse(Badge.Render("label", "message", fill));
        var message = root.Descendants(SvgAssert.Ns + "text").Last();
        Assert.Equal("message", message.Value);
        var contrast = SvgWriter.Contrast((string)message.Attribute("fill")!, fill);
        Assert.True(contrast >= Math.Min(4.5, Math.Max(SvgWriter.Contrast("#fff", fill), SvgWriter.Contrast("#333", fill))), $"{contrast:0.00}");
        if (fill is Badge.Green or Badge.Yellow or Badge.Red)
        {
            Assert.True(contrast >= 4.5, $"{fill}: {contrast:0.00}");
        }
    }

    [Fact]
    public void Label_text_is_white_on_grey_at_more_than_4_5_to_1()
    {
        var label = Parse(Badge.Render("score", "1", Badge.Red)).Descendants(SvgAssert.Ns + "text").ElementAt(1);
        Assert.Equal("#ffffff", (string?)label.Attribute("fill"));
        Assert.True(SvgWriter.Contrast("#ffffff", "#555555") >= 4.5);
    }

    [Fact]
    public void Markup_in_label_and_message_is_escaped()
    {
        var root = Parse(Badge.Render("a<b&\"c'", "<1>", "dfb317"));
        Assert.Equal("a<b&\"c': <1>", (string?)root.Attribute("aria-label"));
        Assert.Contains(root.Descendants(SvgAssert.Ns + "text"), t => t.Value == "a<b&\"c'");
    }

    [Fact]
    public void An_empty_label_draws_the_message_alone()
    {
        var root = Parse(Badge.Render("", "92.5", Badge.Green));
        Assert.Equal("92.5", (string?)root.Attribute("aria-label"));
        Assert.Equal(2, root.Descendants(SvgAssert.Ns + "text").Count());
    }

    [Fact]
    public void Two_badges_on_one_page_can_have_distinct_ids()
    {
        var a = Parse(Badge.Render("a", "1", Badge.Green, "badge-park-a"));
        var b = Parse(Badge.Render("b", "2", Badge.Green, "badge-park-b"));
        var ids = a.Descendants().Concat(b.Descendants()).Attributes("id").Select(i => i.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Badge_renders_the_same_bytes_twice() =>
        Assert.Equal(Badge.Render("完善程度", "92.5", Badge.Green), Badge.Render("完善程度", "92.5", Badge.Green));

    [Theory]
    [InlineData("green")]
    [InlineData("#12345")]
    [InlineData("#ggg")]
    public void A_colour_that_is_not_hex_is_rejected(string color) =>
        Assert.Throws<ArgumentException>(() => Badge.Render("a", "b", color));

    [Fact]
    public void A_score_that_is_not_a_number_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Badge.ColorFor(double.NaN));
}
