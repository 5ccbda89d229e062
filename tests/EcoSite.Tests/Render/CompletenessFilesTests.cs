using System.Text.Json;
using System.Text.RegularExpressions;
using EcoSite.Core.Render.Pages;
using EcoSite.Core.Render.Svg;

namespace EcoSite.Tests.Render;

/// <summary>The badge and shields.io endpoint files of spec section 11, per park and for the platform.</summary>
public sealed class CompletenessFilesTests
{
    private static double Width(string svg) => double.Parse(Regex.Match(svg, "<svg[^>]* width=\"([0-9.]+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_endpoint_json_has_exactly_the_four_keys_shields_io_allows()
    {
        using var doc = JsonDocument.Parse(CompletenessFiles.Endpoint("信息平台完善程度", 87.54));
        Assert.Equal(["schemaVersion", "label", "message", "color"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("信息平台完善程度", doc.RootElement.GetProperty("label").GetString());
        Assert.Equal("87.5%", doc.RootElement.GetProperty("message").GetString());
        Assert.Equal("yellow", doc.RootElement.GetProperty("color").GetString());
    }

    [Fact]
    public void The_message_is_the_score_to_one_decimal_with_a_trailing_zero_dropped()
    {
        Assert.Equal("88%", CompletenessFiles.Message(88));
        Assert.Equal("88%", CompletenessFiles.Message(87.96));
        Assert.Equal("100%", CompletenessFiles.Message(100));
        Assert.Equal("7.3%", CompletenessFiles.Message(20.0 * 8 / 22));
    }

    [Fact]
    public void The_build_writes_badges_and_endpoints_for_each_park_and_the_platform_in_every_language()
    {
        using var site = new TestSite().With("parks/demo/news/2026-11-28-a.md", "---\ntitle: 新闻\ndate: 2026-11-28\n---\n正文。\n");
        Assert.True(site.Build().Success);
        foreach (var path in new[] { "parks/demo/badge.svg", "parks/demo/badge.en.svg", "badge.svg", "badge.en.svg" })
        {
            var svg = site.Read(path);
            Assert.Contains("role=\"img\"", svg);
            Assert.Contains("<title>", svg);
            Assert.Contains(": 20%", svg);
        }
        Assert.Contains("aria-label=\"信息平台完善程度: 20%\"", site.Read("parks/demo/badge.svg"));
        Assert.Contains("aria-label=\"Platform completeness: 20%\"", site.Read("parks/demo/badge.en.svg"));
        foreach (var path in new[] { "parks/demo/completeness.json", "completeness.json", "parks/demo/completeness.en.json" })
        {
            using var doc = JsonDocument.Parse(site.Read(path));
            Assert.Equal(4, doc.RootElement.EnumerateObject().Count());
            Assert.Equal("red", doc.RootElement.GetProperty("color").GetString());
        }
    }

    [Fact]
    public void The_park_page_shows_the_badge_with_alt_text_the_parts_and_the_reasons()
    {
        using var site = new TestSite().With("parks/demo/news/2026-09-01-a.md", "---\ntitle: 新闻\ndate: 2026-09-01\n---\n正文。\n");
        var result = site.Build();
        Assert.True(result.Success);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "ECO203" or "ECO205");
        var en = site.Read("en/parks/demo/index.html");
        Assert.Contains("<img src=\"../../../parks/demo/badge.en.svg\" alt=\"Platform completeness: 10%\"", en);
        Assert.Contains("<strong>10.0</strong> / 100", en);
        Assert.Contains("news: newest item 1 September 2026 is 89 days old, more than 14 (−10.0 points)", en);
        var zh = site.Read("parks/demo/index.html");
        Assert.Contains("<img src=\"badge.svg\" alt=\"信息平台完善程度：10%\"", zh);
        Assert.Contains("园区管理工作信息：最新一条发布于 2026年9月1日，已过 89 天，超过 14 天（扣 10.0 分）", zh);
    }

    [Fact]
    public void The_home_page_ranks_parks_and_charts_category_averages_against_the_2020_survey()
    {
        using var site = new TestSite()
            .With("parks/other/park.yaml", "name: {zh: 乙园区, en: Other Park}\n")
            .With("parks/other/news/2026-11-28-a.md", "---\ntitle: 新闻\ndate: 2026-11-28\n---\n正文。\n");
        Assert.True(site.Build().Success);
        var home = site.Read("en/index.html");
        Assert.Contains("<th scope=\"col\">Rank</th>", home);
        var ranking = home[home.IndexOf("class=\"ranking\"", StringComparison.Ordinal)..];
        Assert.True(ranking.IndexOf("Other Park", StringComparison.Ordinal) < ranking.IndexOf("Test Park", StringComparison.Ordinal));
        Assert.Contains("ecosite-chart-bar", home);
        Assert.Contains("<desc id=\"category-averages-desc\">", home);
        Assert.Contains("34.2%", home);
        Assert.Contains("<td class=\"num\">14.0</td>", home);
        Assert.Contains("<strong>10.0</strong> / 100", home);
    }

    [Fact]
    public void The_badge_grows_for_longer_and_for_Chinese_labels()
    {
        var shortLatin = Width(Badge.Render("score", "88%", Badge.ColorFor(88)));
        var longLatin = Width(Badge.Render("Platform completeness", "88%", Badge.ColorFor(88)));
        var chinese = Width(Badge.Render("信息平台完善程度", "88%", Badge.ColorFor(88)));
        Assert.True(longLatin > shortLatin);
        // Eight ideographs are one em each: wider than eight Latin letters.
        Assert.True(chinese > Width(Badge.Render("abcdefgh", "88%", Badge.ColorFor(88))));
        Assert.True(Width(Badge.Render("score", "100%", Badge.ColorFor(100))) > Width(Badge.Render("score", "7%", Badge.ColorFor(7))));
    }
}
