namespace EcoSite.Tests;

/// <summary>
/// The small site the Order 24 tests build (reader, page, export, score, self-monitoring check): one park whose one
/// enterprise is a key polluting unit, and that enterprise's polluter file, as <see cref="TestSite"/> builds others.
/// </summary>
public static class PolluterSite
{
    public const string File = "parks/demo/polluters/demo-steel.yaml";

    public const string Enterprises = """
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

    /// <summary>The site with the given polluter file, not yet built.</summary>
    public static TestSite With(string polluter) =>
        new TestSite().With("parks/demo/enterprises.yaml", Enterprises).With(File, polluter);

    /// <summary>The site with the given polluter file, built, and the build asserted to succeed.</summary>
    public static TestSite Built(string polluter)
    {
        var site = With(polluter);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return site;
    }
}
