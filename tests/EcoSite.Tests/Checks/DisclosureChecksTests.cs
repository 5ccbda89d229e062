using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Checks;

public sealed class DisclosureChecksTests
{
    private const string Enterprises = """
        enterprises:
          - id: demo-steel
            name: {zh: 示例钢铁, en: Demo Steel}
            credit_code: 91110000600037341L
          - id: demo-cement
            name: {zh: 示例水泥, en: Demo Cement}
        """;

    private static TestSite Site() => new TestSite().With("parks/demo/enterprises.yaml", Enterprises);

    [Fact]
    public void Hazardous_code_with_a_class_that_does_not_exist_is_an_error_at_its_line()
    {
        using var site = Site().With("parks/demo/waste/2025.yaml", """
            year: 2025
            flows:
              - from: demo-steel
                to: demo-cement
                material: {zh: 废油, en: Waste oil}
                code: 900-249-42
                quantity: 3
                unit: t
            """);
        var result = site.Check();
        var d = DiagnosticAssert.Has(result.Diagnostics, "ECO130", "parks/demo/waste/2025.yaml", 6);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.False(result.Success);
    }

    [Fact]
    public void Invalid_code_of_a_listing_is_an_error_at_its_line()
    {
        using var site = Site().With("parks/demo/exchange/oil.yaml", """
            kind: supply
            category: waste
            enterprise: demo-steel
            material: {zh: 废油, en: Waste oil}
            code: HW08
            posted: 2026-10-01
            """);
        DiagnosticAssert.Has(site.Check().Diagnostics, "ECO130", "parks/demo/exchange/oil.yaml", 5);
    }

    [Fact]
    public void Valid_hazardous_code_marks_the_flow_with_its_class()
    {
        using var site = Site().With("parks/demo/waste/2025.yaml", """
            year: 2025
            flows:
              - {from: demo-steel, to: demo-cement, material: 废矿物油, code: 900-249-08, quantity: 3, unit: t}
            """);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(8, site.Facts().Site.Parks[0].Waste[0].Flows[0].HazardousClass);
        Assert.Contains("HW08", site.Read("parks/demo/waste/index.html"));
    }

    [Fact]
    public void Concentration_above_its_limit_with_zero_exceedances_is_warned_and_marked_on_the_page()
    {
        using var site = Site().With("parks/demo/polluters/demo-steel.yaml", """
            report_year: 2025
            permit: 91110000600037341L001P
            outlets:
              - code: DW001
                standard: GB 8978-1996
                pollutants:
                  - {name: {zh: 化学需氧量, en: COD}, unit: mg/L, concentration: 520, limit: 500, exceedances: 0}
                  - {name: {zh: 氨氮, en: Ammonia nitrogen}, unit: mg/L, concentration: 5, limit: 45, exceedances: 0}
            """);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var d = DiagnosticAssert.Has(result.Diagnostics, "ECO122", "parks/demo/polluters/demo-steel.yaml", 7);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.DoesNotContain(result.Diagnostics, x => x.Code == "ECO122" && x.Line == 8);
        var page = site.Read("en/parks/demo/polluters/demo-steel.html");
        Assert.Contains("class=\"exceeded\"", page);
        Assert.Contains("✗", page);
        Assert.Contains("Exceeded", page);
    }

    [Fact]
    public void Unknown_enterprise_id_is_an_error_at_its_line()
    {
        using var site = Site().With("parks/demo/waste/2025.yaml", """
            year: 2025
            flows:
              - from: demo-steel
                to: demo-cemnt
                material: 矿渣
                quantity: 3
                unit: t
            """);
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO101", "parks/demo/waste/2025.yaml", 4);
        Assert.Contains("demo-cement", d.Message);
    }

    [Fact]
    public void Unknown_indicator_is_an_error_with_a_did_you_mean()
    {
        using var site = Site().With("parks/demo/indicators/2025.yaml", """
            year: 2025
            status: final
            values:
              - indicator: solid-waste-utilization
                value: 92.3
                target: ">= 70"
            """);
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO110", "parks/demo/indicators/2025.yaml", 4);
        Assert.Contains("'solid-waste-utilisation'", d.Message);
    }

    [Fact]
    public void Malformed_target_and_a_value_of_the_wrong_kind_are_errors_at_the_target()
    {
        using var site = Site().With("parks/demo/indicators/2025.yaml", """
            year: 2025
            values:
              - indicator: solid-waste-utilisation
                value: 92.3
                target: "=> 70"
              - indicator: key-sources-compliant
                value: 98
                target: "yes"
            """);
        var diagnostics = site.Check().Diagnostics;
        DiagnosticAssert.Has(diagnostics, "ECO111", "parks/demo/indicators/2025.yaml", 5);
        DiagnosticAssert.Has(diagnostics, "ECO112", "parks/demo/indicators/2025.yaml", 8);
    }

    [Fact]
    public void Site_catalog_extends_the_default_with_its_own_indicators()
    {
        using var site = Site()
            .With("indicators.yaml", """
                indicators:
                  - {id: green-coverage, category: environment, zh: 绿化覆盖率, en: Green coverage}
                """)
            .With("parks/demo/indicators/2025.yaml", """
                year: 2025
                values:
                  - {indicator: green-coverage, value: 41, target: ">= 35"}
                  - {indicator: solid-waste-utilisation, value: 92, target: ">= 70"}
                """);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains("Green coverage", site.Read("en/parks/demo/indicators/index.html"));
    }

    [Fact]
    public void Permit_number_and_outlet_code_are_checked()
    {
        using var site = Site()
            .With("parks/demo/polluters/demo-steel.yaml", """
                report_year: 2025
                permit: 91130200699229617X001P
                outlets:
                  - code: DX001
                """)
            .With("parks/demo/polluters/demo-cement.yaml", """
                report_year: 2025
                permit: 9111000060003734001P
                """);
        var diagnostics = site.Check().Diagnostics;
        DiagnosticAssert.Has(diagnostics, "ECO123", "parks/demo/polluters/demo-steel.yaml", 2);
        DiagnosticAssert.Has(diagnostics, "ECO121", "parks/demo/polluters/demo-steel.yaml", 4);
        DiagnosticAssert.Has(diagnostics, "ECO120", "parks/demo/polluters/demo-cement.yaml", 2);
    }

    [Fact]
    public void A_unit_change_names_the_indicator_and_counts_the_catalogs_unit_when_the_entry_has_none()
    {
        using var site = Site()
            .With("indicators.yaml", """
                indicators:
                  - {id: green-coverage, category: environment, zh: 绿化覆盖率, en: Green coverage, unit: "%"}
                """)
            .With("parks/demo/indicators/2024.yaml", """
                year: 2024
                values:
                  - {indicator: green-coverage, value: 41}
                  - {indicator: custom, name: {zh: 道路长度}, unit: km, value: 12}
                """)
            .With("parks/demo/indicators/2025.yaml", """
                year: 2025
                values:
                  - {indicator: green-coverage, unit: 公顷, value: 50}
                  - {indicator: custom, name: {zh: 道路长度}, unit: m, value: 12000}
                """);
        var diagnostics = site.Check().Diagnostics;
        Assert.StartsWith("the unit of 'green-coverage' is '公顷' in 2025 but '%' in 2024;",
            DiagnosticAssert.Has(diagnostics, "ECO113", "parks/demo/indicators/2025.yaml", 3).Message);
        Assert.StartsWith("the unit of '道路长度' is 'm' in 2025 but 'km' in 2024;",
            DiagnosticAssert.Has(diagnostics, "ECO113", "parks/demo/indicators/2025.yaml", 4).Message);
    }

    [Fact]
    public void A_unit_given_for_the_first_time_is_not_a_unit_change()
    {
        using var site = Site()
            .With("parks/demo/indicators/2024.yaml", "year: 2024\nvalues:\n  - {indicator: custom, name: {zh: 道路长度}, value: 12}\n")
            .With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: custom, name: {zh: 道路长度}, unit: km, value: 13}\n");
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.Code == "ECO113");
    }

    [Fact]
    public void Target_waste_code_permit_and_outlet_messages_quote_the_value_written()
    {
        using var site = Site()
            .With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: solid-waste-utilisation, value: 92, target: \"=> 70\"}\n")
            .With("parks/demo/waste/2025.yaml", "year: 2025\nflows:\n  - {from: demo-steel, to: demo-cement, material: 矿渣, quantity: 3, unit: t, code: HW99-999-99}\n")
            .With("parks/demo/polluters/demo-steel.yaml", "report_year: 2025\npermit: 91130200699229617X001P\noutlets:\n  - code: DX001\n")
            .With("parks/demo/polluters/demo-cement.yaml", "report_year: 2025\npermit: 9111000060003734001P\n");
        var diagnostics = site.Check().Diagnostics;
        Assert.StartsWith("the target '=> 70' ", DiagnosticAssert.Has(diagnostics, "ECO111", "parks/demo/indicators/2025.yaml", 3).Message);
        Assert.StartsWith("the waste code 'HW99-999-99' ", DiagnosticAssert.Has(diagnostics, "ECO130", "parks/demo/waste/2025.yaml", 3).Message);
        Assert.StartsWith("the permit number '91130200699229617X001P' does not start with the credit code of 'demo-steel' (91110000600037341L)",
            DiagnosticAssert.Has(diagnostics, "ECO123", "parks/demo/polluters/demo-steel.yaml", 2).Message);
        Assert.StartsWith("the outlet code 'DX001' ", DiagnosticAssert.Has(diagnostics, "ECO121", "parks/demo/polluters/demo-steel.yaml", 4).Message);
        Assert.StartsWith("the permit number '9111000060003734001P' ", DiagnosticAssert.Has(diagnostics, "ECO120", "parks/demo/polluters/demo-cement.yaml", 2).Message);
    }

    [Theory]
    [InlineData(", exceedances: 0", "'exceedances' is 0;")]
    [InlineData("", "'exceedances' is missing;")]
    public void A_concentration_over_its_limit_says_whether_exceedances_is_zero_or_missing(string exceedances, string expected)
    {
        using var site = Site().With("parks/demo/polluters/demo-steel.yaml", $$"""
            report_year: 2025
            outlets:
              - code: DW001
                pollutants:
                  - {name: {zh: 化学需氧量, en: COD}, unit: mg/L, concentration: 520, limit: 500{{exceedances}}}
            """);
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO122", "parks/demo/polluters/demo-steel.yaml", 5);
        Assert.Contains("at outlet DW001: the concentration 520 is above the limit 500, but " + expected, d.Message);
    }

    [Fact]
    public void An_entry_without_a_target_gets_no_target_diagnostic()
    {
        using var site = Site().With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: energy-intensity, value: 0.5}\n");
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.File == "parks/demo/indicators/2025.yaml");
    }

    [Fact]
    public void An_unknown_indicator_names_the_catalogs_standard_and_may_hint_custom()
    {
        using var site = Site().With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: custon, value: 1}\n");
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO110", "parks/demo/indicators/2025.yaml", 3);
        Assert.Equal("'custon' is not an indicator of the catalog (HJ 274-2015); use a catalog id, or 'custom' with a name. Did you mean 'custom'?", d.Message);
        site.With("indicators.yaml", "standard: 地方标准\nreplace: true\ncategories:\n  - {id: local, zh: 地方}\nindicators:\n  - {id: roofs, category: local, zh: 屋顶}\n");
        Assert.Equal("'custon' is not an indicator of the catalog (地方标准); use a catalog id, or 'custom' with a name. Did you mean 'custom'?",
            DiagnosticAssert.Has(site.Check().Diagnostics, "ECO110", "parks/demo/indicators/2025.yaml", 3).Message);
        // A catalog without a standard is called by the default's name.
        site.With("indicators.yaml", "replace: true\ncategories:\n  - {id: local, zh: 地方}\nindicators:\n  - {id: roofs, category: local, zh: 屋顶}\n");
        Assert.Equal("'custon' is not an indicator of the catalog (HJ 274-2015); use a catalog id, or 'custom' with a name. Did you mean 'custom'?",
            DiagnosticAssert.Has(site.Check().Diagnostics, "ECO110", "parks/demo/indicators/2025.yaml", 3).Message);
    }

    [Fact]
    public void A_unit_change_of_a_custom_indicator_without_a_name_is_warned_with_an_empty_name()
    {
        using var site = Site()
            .With("parks/demo/indicators/2024.yaml", "year: 2024\nvalues:\n  - {indicator: custom, unit: t, value: 1}\n")
            .With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: custom, unit: kg, value: 1}\n");
        var d = DiagnosticAssert.Has(site.Check().Diagnostics, "ECO113", "parks/demo/indicators/2025.yaml", 3);
        Assert.Equal("the unit of '' is 'kg' in 2025 but 't' in 2024; the trend shows only the years in 'kg'. Convert the earlier values, or check the unit.", d.Message);
    }

    [Fact]
    public void A_custom_entry_never_takes_the_unit_of_a_catalog_indicator_with_the_id_custom()
    {
        using var site = Site()
            .With("indicators.yaml", "indicators:\n  - {id: custom, category: economy, zh: 自定义, unit: t}\n")
            .With("parks/demo/indicators/2024.yaml", "year: 2024\nvalues:\n  - {indicator: custom, name: 绿地, unit: kg, value: 1}\n")
            .With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: custom, name: 绿地, value: 1}\n");
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.Code == "ECO113");
    }

    [Fact]
    public void An_enterprise_level_waste_of_order_24_with_no_waste_code_is_ECO130_at_its_code()
    {
        using var site = PolluterSite.With("report_year: 2025\nsolid_waste:\n  - {name: 废油, code: 12-34, generated_t: 1}\n  - {name: 矿渣, code: 900-249-08, generated_t: 1}\n");
        var d = Assert.Single(site.Check().Diagnostics, d => d.Code == "ECO130");
        Assert.Equal((PolluterSite.File, 3, 22), (d.File, d.Line, d.Column));
        Assert.StartsWith("the waste code '12-34' ", d.Message, StringComparison.Ordinal);
    }
}
