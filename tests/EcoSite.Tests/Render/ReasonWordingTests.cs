using System.Text.RegularExpressions;

namespace EcoSite.Tests.Render;

/// <summary>
/// The score's reasons on a park page speak to visitors (issue 13): the unit's name instead of its file, indicator
/// names instead of ids, dates as written in the page's language. The CLI keeps the editor's forms.
/// </summary>
public sealed class ReasonWordingTests
{
    private static TestSite Site() => new TestSite()
        .With("parks/demo/enterprises.yaml", """
            enterprises:
              - id: demo-steel
                name: {zh: 示例钢铁, en: Demo Steel}
            """)
        .With("parks/demo/news/old.md", """
            ---
            title: 旧消息
            date: 2026-03-15
            ---
            正文。
            """)
        .With("parks/demo/indicators/2025.yaml", """
            year: 2025
            status: final
            values:
              - {indicator: solid-waste-utilisation, value: 91, target: ">= 70"}
              - {indicator: reclaimed-water-reuse, value: 20}
            """)
        .With("parks/demo/polluters/demo-steel.yaml", """
            report_year: 2025
            """);

    private static string Reasons(string html)
    {
        var m = Regex.Match(html, """<ul class="reasons">(.*?)</ul>""", RegexOptions.Singleline);
        Assert.True(m.Success, "no reasons list");
        return m.Groups[1].Value;
    }

    [Theory]
    [InlineData("parks/demo/index.html", "2026年3月15日", "示例钢铁", "再生水（中水）回用率")]
    [InlineData("en/parks/demo/index.html", "15 March 2026", "Demo Steel", "Reclaimed water reuse rate")]
    public void Reasons_name_units_indicators_and_dates_in_words(string page, string date, string unit, string indicator)
    {
        using var site = Site();
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var reasons = Reasons(site.Read(page));
        Assert.Contains(date, reasons);
        Assert.Contains(unit, reasons);
        Assert.Contains(indicator, reasons);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", reasons);
        Assert.DoesNotContain(".yaml", reasons);
        Assert.DoesNotContain("parks/", reasons);
        foreach (var known in site.Facts().Site.Catalog.Indicators)
            Assert.DoesNotContain(known.Id, reasons);
    }

    [Fact]
    public void The_command_line_keeps_the_file_and_the_iso_date_for_editors()
    {
        using var site = Site();
        var texts = site.Facts().Completeness.Parks[0].Reasons.Select(r => r.Text("en")).ToList();
        Assert.Contains(texts, t => t.Contains("parks/demo/polluters/demo-steel.yaml", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("2026-03-15", StringComparison.Ordinal));
    }
}
