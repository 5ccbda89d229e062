using EcoSite.Core.Diagnostics;
using EcoSite.Core.Facts;

namespace EcoSite.Tests.Facts;

/// <summary>key_polluter on enterprises (content-format.md v2 section 6) as a whole build sees it: score, reasons, park page.</summary>
public sealed class KeyPollutingUnitTests
{
    private const string SixEnterprises = """
        enterprises:
          - {id: demo-steel, name: {zh: 示例钢铁有限公司, en: Demo Steel}, key_polluter: true}
          - {id: demo-cement, name: {zh: 示例水泥有限公司, en: Demo Cement}}
          - {id: demo-chem, name: {zh: 示例化工有限公司, en: Demo Chemicals}, key_polluter: true}
          - {id: demo-water, name: {zh: 示例水务有限公司, en: Demo Water}}
          - {id: demo-glass, name: {zh: 示例玻璃有限公司, en: Demo Glass}, key_polluter: false}
          - {id: demo-paper, name: {zh: 示例纸业有限公司, en: Demo Paper}}
        """;

    private const string CompleteDisclosure = """
        report_year: 2025
        basic: {legal_representative: 张某, address: 示例路1号, contact: 0000-0000000, business: 炼钢, products: 钢材}
        permit: 91110000600037341L001P
        outlets:
          - code: DW001
            pollutants:
              - {name: {zh: 化学需氧量, en: COD}, unit: mg/L, concentration: 35, limit: 500}
        facilities: [{name: 污水处理站, status: running}]
        approvals: [{project: 炼钢项目, number: 示环审〔2018〕1号, date: 2018-04-20}]
        emergency_plan: {filed: 2024-05-10, number: "370000-2024-001-L"}
        """;

    [Fact]
    public void Six_enterprises_two_declared_units_and_one_disclosure_score_ten_and_the_park_page_names_the_missing_unit()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", SixEnterprises)
            .With("parks/demo/polluters/demo-steel.yaml", CompleteDisclosure);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var score = Assert.Single(result.Report!.Completeness.Parks);
        Assert.Equal(10, score.Part(CompletenessCategory.Polluters).Points, 9);
        Assert.Contains(score.Reasons, r => r.Text("en") == "polluters: the key polluting unit Demo Chemicals has no disclosure (parks/demo/polluters/demo-chem.yaml) (−10.0 points)");
        Assert.Equal(["demo-chem"], site.Facts().Park("demo").MissingDisclosures.Select(u => u.EnterpriseId));

        var zh = site.Read("parks/demo/index.html");
        var missing = zh[zh.IndexOf("class=\"missing-units\"", StringComparison.Ordinal)..];
        missing = missing[..missing.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Contains("示例化工有限公司", missing);
        Assert.DoesNotContain("示例钢铁有限公司", missing);
        Assert.Contains("重点排污单位示例化工有限公司未公开环境信息", zh);
        Assert.Contains("Demo Chemicals", site.Read("en/parks/demo/index.html"));
    }

    [Fact]
    public void A_park_whose_units_all_disclose_lists_no_missing_unit()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", SixEnterprises.Replace(", key_polluter: true}\n  - {id: demo-cement", "}\n  - {id: demo-cement"))
            .With("parks/demo/polluters/demo-chem.yaml", CompleteDisclosure);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(20, result.Report!.Completeness.Parks[0].Part(CompletenessCategory.Polluters).Points, 9);
        Assert.DoesNotContain("missing-units", site.Read("parks/demo/index.html"));
    }

    [Fact]
    public void Key_polluter_must_be_true_or_false()
    {
        using var site = new TestSite().With("parks/demo/enterprises.yaml", """
            enterprises:
              - id: demo-steel
                name: 示例钢铁
                key_polluter: "yes"
            """);
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO011", "parks/demo/enterprises.yaml", 4);
        Assert.Contains("true or false", d.Message);
    }
}
