using EcoSite.Core.Model;

namespace EcoSite.Tests.Content;

/// <summary>
/// The groups of 企业环境信息依法披露管理办法 (Order 24) article 12 in a polluter file: each group is read into the
/// model, and each mistake an editor can make in one is reported at the file, line and column of the value.
/// </summary>
public sealed class Order24ReaderTests
{
    private const string File = PolluterSite.File;

    private static PolluterReport Load(string polluter)
    {
        using var site = PolluterSite.With(polluter);
        return Assert.Single(site.Facts().Site.Parks.Single().Polluters);
    }

    [Fact]
    public void Every_group_is_read_into_the_model()
    {
        using var site = PolluterSite.With(PolluterSite.Full);
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
        using var site = PolluterSite.With("report_year: 2025\n" + yaml);
        DiagnosticAssert.Has(site.Check().Diagnostics, code, File, line, column);
    }
}
