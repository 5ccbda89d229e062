using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// The groups of 企业环境信息依法披露管理办法 (Order 24) article 12 in a polluter file: each group is read into the
/// model, and each mistake an editor can make in one is reported at the file, line and column of the value.
/// </summary>
public sealed class Order24ReaderTests
{
    private const string File = "parks/demo/polluters/demo-steel.yaml";

    private const string Enterprises = """
        enterprises:
          - id: demo-steel
            name: {zh: 示例钢铁, en: Demo Steel}
            credit_code: 91110000600037341L
            key_polluter: true
        """;

    /// <summary>Every group filled in (fictional values).</summary>
    public const string Full = """
        report_year: 2025
        prepared: 2026-03-10
        permit: 91110000600037341L001P
        permit_authority: {zh: 示例市生态环境局, en: Example City Ecology and Environment Bureau}
        permit_valid_from: 2023-07-01
        permit_valid_until: 2028-06-30
        outlets:
          - code: DW001
            destination: {zh: 园区污水处理厂, en: Park wastewater plant}
            pollutants:
              - {name: {zh: 化学需氧量, en: COD}, unit: mg/L, concentration: 42, limit: 200, averaging: daily}
        environmental_tax: {paid_10k_cny: 86.4, note: {zh: 按季申报, en: Declared quarterly}}
        liability_insurance: {insured: true, insurer: {zh: 示例保险公司, en: Example Insurance}, policy: EX-2025-001, valid_until: 2026-06-30}
        credit_rating: {rating: {zh: 环保良好企业, en: Good}, authority: {zh: 示例市生态环境局, en: Example City EEB}, date: 2025-09-01, url: https://www.example.gov.cn/credit/}
        toxic_substances:
          - {name: {zh: 苯, en: Benzene}, cas: 71-43-2, emitted_t: 0.02}
        solid_waste:
          - {name: {zh: 废矿物油, en: Waste mineral oil}, code: 900-249-08, generated_t: 12, stored_t: 1.5, utilised_t: 0, disposed_t: 10.5, destination: {zh: 持证单位处置, en: Licensed disposer}}
          - {name: {zh: 高炉矿渣, en: Blast-furnace slag}, generated_t: 800000, utilised_t: 800000}
        self_monitoring:
          results_url: https://www.example.gov.cn/monitoring/
          items:
            - {outlet: DW001, pollutant: {zh: 化学需氧量, en: COD}, method: automatic, frequency: {zh: 连续, en: Continuous}}
        carbon_emissions:
          total_tco2e: 5200000
          facilities: [{name: {zh: 1号高炉, en: Blast furnace No. 1}, tco2e: 2100000}]
        heavy_pollution_response:
          - {from: 2025-01-10, to: 2025-01-13, level: {zh: 橙色预警, en: Orange alert}, measures: {zh: 烧结机限产, en: Sinter output reduced}}
        violations:
          - {date: 2025-05-20, authority: {zh: 示例市生态环境局, en: Example City EEB}, document: 示环罚〔2025〕1号, facts: {zh: 示例违法事实, en: Example facts}, penalty: {zh: 罚款, en: Fine}, rectification: {zh: 已整改, en: Rectified}}
        temporary_disclosures:
          - {date: 2025-08-01, subject: {zh: 排污许可证变更, en: Permit amended}, url: https://www.example.gov.cn/t/1}
        """;

    private static TestSite Site(string polluter) =>
        new TestSite().With("parks/demo/enterprises.yaml", Enterprises).With(File, polluter);

    private static PolluterReport Load(string polluter)
    {
        using var site = Site(polluter);
        return Assert.Single(site.Facts().Site.Parks.Single().Polluters);
    }

    [Fact]
    public void Every_group_is_read_into_the_model()
    {
        using var site = Site(Full);
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.File == File);
        var p = Assert.Single(site.Facts().Site.Parks.Single().Polluters);
        var g = p.Order24;
        Assert.Equal(new DateOnly(2026, 3, 10), g.Prepared);
        Assert.Equal("示例市生态环境局", g.Permit!.Authority!.In("zh", "zh").Text);
        Assert.Equal((new DateOnly(2023, 7, 1), new DateOnly(2028, 6, 30)), (g.Permit.ValidFrom, g.Permit.ValidUntil));
        Assert.Equal("daily", p.Outlets[0].Pollutants[0].Averaging);
        Assert.Equal("Park wastewater plant", p.Outlets[0].Destination!.In("en", "zh").Text);
        Assert.Equal(86.4, g.Tax!.Paid10kCny);
        Assert.Equal((true, "EX-2025-001", new DateOnly(2026, 6, 30)), (g.Insurance!.Insured, g.Insurance.Policy, g.Insurance.ValidUntil));
        Assert.Equal("https://www.example.gov.cn/credit/", g.Credit!.Url);
        Assert.Equal(("71-43-2", 0.02), (Assert.Single(g.ToxicSubstances).Cas, g.ToxicSubstances[0].EmittedT));
        Assert.Equal(2, g.SolidWaste.Count);
        Assert.Equal(("900-249-08", 8), (g.SolidWaste[0].Code, g.SolidWaste[0].HazardousClass));
        Assert.Equal((12.0, 1.5, 0.0, 10.5), (g.SolidWaste[0].GeneratedT, g.SolidWaste[0].StoredT, g.SolidWaste[0].UtilisedT, g.SolidWaste[0].DisposedT));
        Assert.Null(g.SolidWaste[1].HazardousClass);
        Assert.Equal(("DW001", "automatic"), (Assert.Single(g.SelfMonitoring!.Items).Outlet, g.SelfMonitoring.Items[0].Method));
        Assert.Equal(5200000, g.Carbon!.TotalTco2e);
        Assert.Equal(2100000, Assert.Single(g.Carbon.Facilities).Tco2e);
        Assert.Equal(new DateOnly(2025, 1, 13), Assert.Single(g.WeatherResponses).To);
        Assert.Equal("示环罚〔2025〕1号", Assert.Single(g.Violations).Document);
        Assert.Equal(new DateOnly(2025, 8, 1), Assert.Single(g.TemporaryDisclosures).Date);
    }

    [Fact]
    public void A_file_without_the_groups_has_none()
    {
        var p = Load("report_year: 2025\n");
        Assert.Same(Order24Groups.None, p.Order24);
    }

    /// <summary>One mistake per group: the code and the line and column of the value.</summary>
    public static TheoryData<string, string, int, int> Mistakes() => new()
    {
        { "prepared: 2026-02-30\n", "ECO020", 2, 11 },
        { "permit_authority: [a, b]\n", "ECO011", 2, 19 },
        { "permit_valid_from: 2028-01-01\npermit_valid_until: 2023-01-01\n", "ECO016", 3, 21 },
        { "environmental_tax: {paid_10k_cny: -1}\n", "ECO016", 2, 35 },
        { "environmental_tax: {paid_10k_cny: 1e16}\n", "ECO016", 2, 35 },
        { "liability_insurance: {insured: yes}\n", "ECO011", 2, 32 },
        { "credit_rating: {url: \"javascript:alert(1)\"}\n", "ECO016", 2, 22 },
        { "credit_rating:\n  date: 2025-13-01\n", "ECO020", 3, 9 },
        { "toxic_substances:\n  - {cas: 71-43-2}\n", "ECO013", 3, 5 },
        { "toxic_substances:\n  - {name: 苯, emitted_t: \"0.5 t\"}\n", "ECO011", 3, 26 },
        { "solid_waste:\n  - {name: 废油, stored_t: -2}\n", "ECO016", 3, 26 },
        { "solid_waste:\n  - {name: 废油, code: 900-249-42}\n", "ECO130", 3, 22 },
        { "solid_waste: {name: 废油}\n", "ECO011", 2, 14 },
        { "self_monitoring:\n  results_url: ftp://example.org/\n", "ECO016", 3, 16 },
        { "self_monitoring:\n  items:\n    - {outlet: DA001, method: daily}\n", "ECO016", 4, 31 },
        { "self_monitoring:\n  items:\n    - {method: manual}\n", "ECO013", 4, 7 },
        { "carbon_emissions: {total_tco2e: lots}\n", "ECO011", 2, 33 },
        { "carbon_emissions: {facilities: [{tco2e: 5}]}\n", "ECO013", 2, 33 },
        { "heavy_pollution_response:\n  - {from: 2025-01-10, to: 2025-01-09}\n", "ECO016", 3, 28 },
        { "violations:\n  - {date: 20250520}\n", "ECO020", 3, 12 },
        { "temporary_disclosures:\n  - {subject: 变更}\n", "ECO013", 3, 5 },
        { "temporary_disclosures:\n  - {date: 2025-08-01, subject: 变更, url: \"data:text/html,x\"}\n", "ECO016", 3, 42 },
        { "outlets:\n  - code: DW001\n    pollutants:\n      - {name: COD, averaging: weekly}\n", "ECO016", 5, 32 },
        { "outlets:\n  - code: DW001\n    destination: [a]\n", "ECO011", 4, 18 },
        { "violation: []\n", "ECO012", 2, 1 },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_a_group_is_reported_at_its_value(string yaml, string code, int line, int column)
    {
        using var site = Site("report_year: 2025\n" + yaml);
        DiagnosticAssert.Has(site.Check().Diagnostics, code, File, line, column);
    }
}
