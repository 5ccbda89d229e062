
namespace EcoSite.Tests.Render;

/// <summary>
/// A polluter page shows a section for each Order 24 group its file gives, labelled in the page's language
/// (full-width punctuation in Chinese), tables in the focusable scroll region, and no section for a group left out.
/// </summary>
public sealed class Order24PageTests
{
    private static readonly string[] Sections =
        ["o24-tax", "o24-insurance", "o24-credit", "o24-toxic", "o24-solid-waste", "o24-self-monitoring", "o24-carbon", "o24-weather", "o24-violations", "o24-temporary"];

    [Theory]
    [InlineData("parks/demo/polluters/demo-steel.html", "环境保护税", "有毒有害物质排放", "排放量（吨）", "日均值", "排放去向：", "园区污水处理厂", "排污许可证核发机关", "编制日期", "2026年3月10日")]
    [InlineData("en/parks/demo/polluters/demo-steel.html", "Environmental protection tax", "Toxic and hazardous substances emitted", "Emitted (t)", "daily average", "Discharged to: ", "Park wastewater plant", "Permit issued by", "Report prepared on", "10 March 2026")]
    public void Every_group_given_has_its_section_in_each_language(string page, params string[] texts)
    {
        using var site = PolluterSite.Built(PolluterSite.Full);
        var html = site.Read(page);
        foreach (var id in Sections)
            Assert.Contains($"<section aria-labelledby=\"{id}-heading\">", html);
        foreach (var text in texts)
            Assert.Contains(text, html);
        Assert.Contains("<a href=\"https://www.example.gov.cn/credit/\">", html);
        Assert.Contains("<time datetime=\"2025-08-01\">", html);
        // The first cell of a row names it for screen readers (WCAG 1.3.1).
        Assert.Matches("<tr><th scope=\"row\"><span lang=\"[^\"]+\">(苯|Benzene)</span></th><td>71-43-2</td><td class=\"num\">0.02</td>", html);
        // Each table of the groups sits in a focusable, labelled scroll region.
        foreach (var id in new[] { "o24-toxic", "o24-solid-waste", "o24-self-monitoring", "o24-carbon", "o24-weather", "o24-violations", "o24-temporary" })
        {
            var section = html[html.IndexOf($"aria-labelledby=\"{id}-heading\"", StringComparison.Ordinal)..];
            section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
            Assert.Matches("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"[^\"]+\">\\s*<table>", section);
        }
    }

    [Fact]
    public void A_file_without_the_groups_shows_none_of_their_sections()
    {
        using var site = PolluterSite.Built("report_year: 2025\n");
        var html = site.Read("parks/demo/polluters/demo-steel.html");
        Assert.DoesNotContain("o24-", html);
        Assert.DoesNotContain("环境保护税", html);
    }
}
