using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Checks;

/// <summary>
/// How the identifier checks reach the editor: GB 32100-2015 credit codes in enterprises.yaml (ECO102-ECO105) and
/// 国家危险废物名录 (2025) codes in waste flows and listings (ECO130, ECO131).
/// </summary>
public sealed class IdentifierDiagnosticsTests
{
    private const string File = "parks/demo/enterprises.yaml";

    private static IReadOnlyList<Diagnostic> CheckEnterprise(string creditCode)
    {
        using var site = new TestSite().With(File, $$"""
            enterprises:
              - id: demo-steel
                name: {zh: 示例钢铁, en: Demo Steel}
                credit_code: {{creditCode}}
            """);
        return site.Check().Diagnostics;
    }

    private static string[] CreditCodes(IReadOnlyList<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.Code is "ECO102" or "ECO103" or "ECO104" or "ECO105").Select(d => d.Code).Order(StringComparer.Ordinal)];

    [Fact]
    public void Code_that_passes_every_check_is_not_reported()
    {
        Assert.Empty(CreditCodes(CheckEnterprise("91110000600037341L")));
    }

    [Fact]
    public void Unknown_registering_authority_is_a_warning_that_lists_the_authorities()
    {
        var diagnostics = CheckEnterprise("B1110000600037341J");

        Assert.Equal(["ECO104"], CreditCodes(diagnostics));
        var d = DiagnosticAssert.Has(diagnostics, "ECO104", File, 2);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("9 工商", d.Message);
    }

    [Fact]
    public void Unknown_organisation_type_of_a_known_authority_lists_its_types()
    {
        // 94: 工商 has types 1-3 only.
        var d = DiagnosticAssert.Has(CheckEnterprise("94999999MA7DEM016Y"), "ECO104", File, 2);
        Assert.Contains("1 企业, 2 个体工商户, 3 农民专业合作社", d.Message);
    }

    [Fact]
    public void Wrong_organisation_check_character_is_a_warning_naming_the_expected_one()
    {
        var diagnostics = CheckEnterprise("91110000600037342P");

        Assert.Equal(["ECO105"], CreditCodes(diagnostics));
        var d = DiagnosticAssert.Has(diagnostics, "ECO105", File, 2);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("'600037342'", d.Message);
        Assert.Contains("'1'", d.Message);
    }

    [Fact]
    public void Pilot_code_that_fails_only_the_final_check_gets_only_that_warning()
    {
        Assert.Equal(["ECO103"], CreditCodes(CheckEnterprise("91350100M0001TGQXM")));
    }

    [Fact]
    public void A_typo_in_the_organisation_code_is_reported_by_both_checks_it_breaks()
    {
        // The old sample code: its organisation code fails GB 11714, its final character fits GB 32100.
        Assert.Equal(["ECO105"], CreditCodes(CheckEnterprise("91999001MA7QH00016")));
        // One changed character in positions 9-16 breaks both check characters.
        Assert.Equal(["ECO103", "ECO105"], CreditCodes(CheckEnterprise("91110000600047341L")));
    }

    [Fact]
    public void Malformed_code_is_an_error_and_nothing_else()
    {
        var diagnostics = CheckEnterprise("B111000060003734IL");

        Assert.Equal(["ECO102"], CreditCodes(diagnostics));
        Assert.Equal(Severity.Error, DiagnosticAssert.Has(diagnostics, "ECO102", File, 2).Severity);
    }

    [Fact]
    public void Eight_digit_hazardous_code_is_normalised_with_a_warning_at_its_line()
    {
        using var site = new TestSite()
            .With(File, """
                enterprises:
                  - {id: demo-steel, name: 示例钢铁}
                  - {id: demo-cement, name: 示例水泥}
                """)
            .With("parks/demo/waste/2025.yaml", """
                year: 2025
                flows:
                  - from: demo-steel
                    to: demo-cement
                    material: {zh: 废矿物油, en: Waste mineral oil}
                    code: 90024908
                    quantity: 3
                    unit: t
                """)
            .With("parks/demo/exchange/oil.yaml", """
                kind: supply
                category: waste
                enterprise: demo-steel
                material: {zh: 废矿物油, en: Waste mineral oil}
                code: "90024908"
                posted: 2026-10-01
                """);
        var result = site.Build();

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var flow = DiagnosticAssert.Has(result.Diagnostics, "ECO131", "parks/demo/waste/2025.yaml", 6, 11);
        Assert.Equal(Severity.Warning, flow.Severity);
        Assert.Contains("'900-249-08'", flow.Message);
        DiagnosticAssert.Has(result.Diagnostics, "ECO131", "parks/demo/exchange/oil.yaml", 5);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "ECO130");
        var park = site.Facts().Site.Parks[0];
        Assert.Equal("900-249-08", park.Waste[0].Flows[0].Code);
        Assert.Equal(8, park.Waste[0].Flows[0].HazardousClass);
        Assert.Equal("900-249-08", park.Listings[0].Code);
        Assert.Contains("900-249-08", site.Read("parks/demo/waste/index.html"));
        Assert.DoesNotContain("90024908", site.Read("parks/demo/waste/index.html"));
    }

    [Fact]
    public void Dashed_hazardous_code_is_not_warned()
    {
        using var site = new TestSite()
            .With(File, "enterprises:\n  - {id: demo-steel, name: 示例钢铁}\n")
            .With("parks/demo/exchange/oil.yaml", """
                kind: supply
                category: waste
                enterprise: demo-steel
                material: 废矿物油
                code: 900-249-08
                posted: 2026-10-01
                """);
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.Code is "ECO130" or "ECO131");
    }
}
