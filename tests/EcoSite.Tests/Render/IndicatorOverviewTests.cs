using System.Net;
using System.Text.RegularExpressions;
using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Tests.Render;

/// <summary>
/// Issue 13 item 6: the indicators page opens each indicator group with one gap-to-target overview (axis, 100% target
/// line, full names, units, met/not met in words) instead of one small chart per indicator.
/// </summary>
public sealed partial class IndicatorOverviewTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosite-overview-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [GeneratedRegex("""<section aria-labelledby="cat-([a-z]+)">(.*?)(?=<section aria-labelledby="cat-|</main>)""", RegexOptions.Singleline)]
    private static partial Regex Group();

    [GeneratedRegex("""<figure class="chart gap-overview">(<svg.*?</svg>)<figcaption>[^<]+</figcaption></figure>""", RegexOptions.Singleline)]
    private static partial Regex Overview();

    // A row of the group's table: name, value, unit, target and year cells.
    [GeneratedRegex("""<tr(?: id="[a-z0-9-]+")?>\s*<th scope="row"><a [^>]*>([^<]+)</a></th>\s*<td class="num">([^<]+)</td>\s*<td>([^<]*)</td>\s*<td>([^<]+)</td>.*?<td>(\d{4})""", RegexOptions.Singleline)]
    private static partial Regex Row();

    // The texts of an SVG run together without white space: a line wrapped at a space drops that space.
    private static string SvgText(string svg) =>
        NoSpace(WebUtility.HtmlDecode(string.Concat(Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value))));

    private static string NoSpace(string text) => Regex.Replace(text, @"\s+", "");

    [Fact]
    public void Each_group_of_the_sample_opens_with_one_overview_and_no_indicator_keeps_a_chart_of_its_own()
    {
        var output = Path.Combine(_root, "site");
        var result = SiteBuilder.Build(new BuildOptions(TestSite.SampleContent, output, new BuildClock(null, () => DateTimeOffset.UnixEpoch)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var overviews = 0;
        foreach (var page in Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories).Where(p => p.Contains("indicators", StringComparison.Ordinal)))
        {
            var html = File.ReadAllText(page);
            var groups = Group().Matches(html).ToList();
            var rows = groups.SelectMany(g => Row().Matches(g.Groups[2].Value)).ToList();
            if (rows.Count == 0) continue;
            var newest = rows.Max(r => int.Parse(r.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var group in groups)
            {
                var body = group.Groups[2].Value;
                // A ratio to the target exists for a number against an at-least or at-most target in the newest year.
                var drawn = Row().Matches(body).Where(r => r.Groups[5].Value == newest.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    && Regex.IsMatch(r.Groups[4].Value, "^[≥≤<>]") && Regex.IsMatch(r.Groups[2].Value, "^[0-9]")).ToList();
                var figures = Overview().Matches(body);
                Assert.True(figures.Count == (drawn.Count > 0 ? 1 : 0), $"{page} {group.Groups[1].Value}: {figures.Count} overviews for {drawn.Count} drawable indicators");
                if (drawn.Count == 0) continue;
                overviews++;
                Assert.Matches("""^\s*<h2 [^>]*>[^<]+</h2>\s*<figure class="chart gap-overview">""", body); // at the top of its group
                var svg = figures[0].Groups[1].Value;
                Assert.Contains("role=\"img\"", svg);
                var text = SvgText(svg);
                foreach (var tick in new[] { "0%", "50%", "100%", "150%", "200%" })
                    Assert.Contains(tick, text);
                Assert.Contains("class=\"target-line\"", svg);
                Assert.DoesNotContain("…", text);
                foreach (var row in drawn)
                {
                    var name = WebUtility.HtmlDecode(row.Groups[1].Value);
                    Assert.Contains(NoSpace(name), text);
                    var unit = WebUtility.HtmlDecode(row.Groups[3].Value);
                    if (unit.Length > 0)
                        Assert.Contains(NoSpace(WebUtility.HtmlDecode(row.Groups[2].Value) + unit), text);
                }
            }
            Assert.DoesNotMatch("""<section class="trend"[^>]*>(?:(?!</section>).)*<svg""", html.Replace("\n", " ", StringComparison.Ordinal));
            Assert.DoesNotContain("ecosite-chart-trend", html);
        }
        Assert.True(overviews > 0);
    }

    [Fact]
    public void A_missed_target_is_marked_in_words_and_a_lower_is_better_target_counts_target_over_value()
    {
        using var site = new TestSite()
            .With("parks/demo/indicators/2025.yaml", """
                year: 2025
                status: final
                values:
                  - {indicator: solid-waste-utilisation, unit: "%", value: 56, target: ">= 70"}
                  - {indicator: energy-intensity, unit: {zh: 吨标准煤/万元, en: tce per 10k CNY}, value: 0.625, target: "<= 0.5"}
                  - {indicator: value-added-per-capita, unit: {zh: 万元/人, en: 10k CNY per person}, value: 45, target: ">= 15"}
                """);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var zhPage = site.Read("parks/demo/indicators/index.html");
        // The accessible name says it too: role="img" hides the drawn texts from a screen reader.
        Assert.Contains("工业固体废物综合利用率：数值 56%，目标 ≥ 70%，为目标的 80%，未达标", zhPage);
        var zh = SvgText(string.Concat(Overview().Matches(zhPage).Select(m => m.Groups[1].Value)));
        Assert.Contains(NoSpace("✗ 未达标 · 80%"), zh);   // 56 / 70
        Assert.Contains(NoSpace("✗ 未达标 · 80%"), zh[(zh.IndexOf("单位工业增加值综合能耗", StringComparison.Ordinal))..]); // 0.5 / 0.625
        Assert.Contains(NoSpace("✓ 达标 · 300%"), zh);    // drawn to 200%, the real figure printed
        Assert.Contains(NoSpace("数值 0.625 吨标准煤/万元，目标 ≤ 0.5 吨标准煤/万元"), zh);
        var en = SvgText(string.Concat(Overview().Matches(site.Read("en/parks/demo/indicators/index.html")).Select(m => m.Groups[1].Value)));
        Assert.Contains(NoSpace("✗ Not met · 80%"), en);
        Assert.Contains(NoSpace("value 45 10k CNY per person, target ≥ 15 10k CNY per person"), en);
    }
}
