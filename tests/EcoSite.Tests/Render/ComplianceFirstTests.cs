using System.Text.RegularExpressions;

namespace EcoSite.Tests.Render;

/// <summary>
/// Failures at a glance (issue 13): an unmet indicator target and an emission exceedance are named, with figures and
/// a link to their page, at the top of the park's page and on the home page.
/// </summary>
public sealed class ComplianceFirstTests
{
    private static TestSite Site() => new TestSite()
        .With("parks/demo/enterprises.yaml", """
            enterprises:
              - id: demo-steel
                name: {zh: 示例钢铁, en: Demo Steel}
            """)
        .With("parks/demo/indicators/2025.yaml", """
            year: 2025
            status: final
            values:
              - {indicator: solid-waste-utilisation, value: 61.5, target: ">= 70"}
              - indicator: custom
                name: {zh: 园区绿化覆盖率, en: Green coverage}
                unit: "%"
                value: 41
                target: ">= 35"
            """)
        .With("parks/demo/polluters/demo-steel.yaml", """
            report_year: 2025
            outlets:
              - code: DW001
                pollutants:
                  - {name: {zh: 化学需氧量, en: COD}, unit: mg/L, concentration: 520, limit: 500, exceedances: 2}
                  - {name: {zh: 氨氮, en: Ammonia nitrogen}, unit: mg/L, concentration: 5, limit: 45}
            """);

    /// <summary>The compliance section of a page: from its heading to the next section of the same level.</summary>
    private static string Section(string html)
    {
        var m = Regex.Match(html, """<section aria-labelledby="compliance-heading" id="compliance" class="compliance">(.*?)</section>""", RegexOptions.Singleline);
        Assert.True(m.Success, "no compliance section");
        return m.Groups[1].Value;
    }

    [Theory]
    [InlineData("parks/demo/index.html", "indicators/index.html", "polluters/demo-steel.html")]
    [InlineData("index.html", "parks/demo/indicators/index.html", "parks/demo/polluters/demo-steel.html")]
    public void The_unmet_target_and_the_exceedance_are_named_and_linked_first(string page, string indicatorsLink, string polluterLink)
    {
        using var site = Site();
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var html = site.Read(page);
        var section = Section(html);
        Assert.Matches($"""<a href="{Regex.Escape(polluterLink)}"[^>]*>示例钢铁</a>：化学需氧量（排放口 DW001）：实测浓度 520，限值 500 mg/L；超标 2 次""", section);
        Assert.Matches($"""<a href="{Regex.Escape(indicatorsLink)}#[a-z0-9-]+"[^>]*>工业固体废物综合利用率</a>：61\.5( ?%)?，目标 ≥ 70（2025年）""", section);
        // The link leads to the indicator's own row on the indicators page, not only to the page.
        var fragment = Regex.Match(section, $"""<a href="{Regex.Escape(indicatorsLink)}#([a-z0-9-]+)"[^>]*>工业固体废物综合利用率</a>""").Groups[1].Value;
        var row = Regex.Match(site.Read("parks/demo/indicators/index.html"), $"""<tr id="{fragment}">(.*?)</tr>""", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row with the id {fragment} on the indicators page");
        Assert.Contains("工业固体废物综合利用率", row.Groups[1].Value);
        Assert.DoesNotContain("园区绿化覆盖率", section); // met: not a failure
        if (page != "index.html")
            // First: before the profile, the completeness and the categories.
            Assert.True(html.IndexOf("id=\"compliance\"", StringComparison.Ordinal) < html.IndexOf("id=\"profile-heading\"", StringComparison.Ordinal)
                        || !html.Contains("id=\"profile-heading\"", StringComparison.Ordinal));
        var en = Section(site.Read("en/" + page));
        Assert.Contains("Demo Steel</a>: COD (outlet DW001): measured concentration 520, limit 500 mg/L; exceeded 2 times", en);
    }

    [Fact]
    public void The_category_cards_count_indicators_not_met_and_units_exceeding()
    {
        using var site = Site();
        Assert.True(site.Build().Success);
        var html = site.Read("parks/demo/index.html");
        Assert.Contains("2025年：2 项指标，未达标 1 项", html);
        Assert.Contains("重点排污单位 1 家，超标 1 家", html);
        Assert.DoesNotContain("最新年度", html);
    }

    [Fact]
    public void A_park_without_failures_says_so()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        var section = Section(site.Read("parks/demo/index.html"));
        Assert.Contains("最新年度指标无未达标，重点排污单位未见超标。", section);
        Assert.DoesNotContain("class=\"failures\"", section);
    }
}
