using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Checks;

/// <summary>Indicator reports (content-format.md section 8): one value per indicator and year, units across years, "not reported".</summary>
public sealed class IndicatorChecksTests
{
    [Fact]
    public void A_catalog_indicator_reported_twice_in_a_year_is_a_located_error_not_a_crash()
    {
        using var site = new TestSite().With("parks/demo/indicators/2025.yaml", """
            year: 2025
            values:
              - {indicator: solid-waste-utilisation, value: 90, target: ">= 70"}
              - {indicator: energy-intensity, value: 0.4, target: "<= 0.5"}
              - {indicator: solid-waste-utilisation, value: 91, target: ">= 70"}
            """);
        var result = site.Build();
        Assert.False(result.Success);
        var d = DiagnosticAssert.Has(result.Diagnostics, "ECO023", "parks/demo/indicators/2025.yaml", 5);
        Assert.Contains("first at line 3", d.Message);
        Assert.Single(result.Diagnostics, x => x.Code == "ECO023");
        Assert.False(site.Exists("index.html"));
    }

    [Fact]
    public void Two_custom_indicators_of_the_same_name_in_a_year_are_a_duplicate_but_different_names_are_not()
    {
        using var site = new TestSite().With("parks/demo/indicators/2025.yaml", """
            year: 2025
            values:
              - {indicator: custom, name: {zh: 绿化覆盖率}, unit: "%", value: 41}
              - {indicator: custom, name: {zh: 道路长度}, unit: km, value: 12}
              - {indicator: custom, name: {zh: 绿化覆盖率}, unit: "%", value: 42}
            """);
        var diagnostics = site.Check().Diagnostics;
        DiagnosticAssert.Has(diagnostics, "ECO023", "parks/demo/indicators/2025.yaml", 5);
        Assert.Single(diagnostics, x => x.Code == "ECO023");
    }

    [Fact]
    public void A_unit_change_between_years_is_warned_at_the_later_value_and_the_trend_table_names_the_other_unit()
    {
        using var site = new TestSite()
            .With("parks/demo/indicators/2023.yaml", "year: 2023\nvalues:\n  - {indicator: custom, name: {zh: 中水回用量, en: Reclaimed water}, unit: \"%\", value: 11}\n")
            .With("parks/demo/indicators/2024.yaml", "year: 2024\nvalues:\n  - {indicator: custom, name: {zh: 中水回用量, en: Reclaimed water}, unit: 万吨, value: 150}\n")
            .With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: custom, name: {zh: 中水回用量, en: Reclaimed water}, unit: 万吨, value: 160}\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var d = DiagnosticAssert.Has(result.Diagnostics, "ECO113", "parks/demo/indicators/2024.yaml", 3);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("'万吨' in 2024 but '%' in 2023", d.Message);
        Assert.Single(result.Diagnostics, x => x.Code == "ECO113");
        var page = site.Read("parks/demo/indicators/index.html");
        Assert.Contains("<th scope=\"col\">数值（万吨）</th>", page); // the newest unit heads the trend table
        Assert.Contains("11 %", page); // an older value in another unit carries its own
    }

    [Fact]
    public void A_value_left_out_is_not_reported_on_the_page_and_in_the_open_data_not_no_target()
    {
        using var site = new TestSite().With("parks/demo/indicators/2025.yaml", """
            year: 2025
            values:
              - {indicator: solid-waste-utilisation, target: ">= 70"}
              - {indicator: energy-intensity, value: 0.4}
            """);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var page = site.Read("parks/demo/indicators/index.html");
        Assert.Contains("status-not-reported", page);
        Assert.Contains("未填报", page);
        Assert.Contains("Not reported", site.Read("en/parks/demo/indicators/index.html"));
        var csv = site.Read("data/indicators.csv");
        Assert.Contains(csv.Split('\n'), l => l.Contains("solid-waste-utilisation") && l.Contains("not-reported"));
        Assert.Contains(csv.Split('\n'), l => l.Contains("energy-intensity") && l.Contains("no-target"));
    }
}

/// <summary>A catalog's unit, direction, national requirement with its clause and mandatory flag (content/indicators.yaml).</summary>
public sealed class IndicatorRequirementTests
{
    // A made-up requirement and clause: the test pins how a sourced requirement is shown, not a fact of HJ 274-2015.
    private const string Catalog = """
        indicators:
          - {id: solid-waste-utilisation, category: symbiosis, zh: 工业固体废物综合利用率, en: Solid waste utilisation, unit: "%", direction: higher, requirement: ">= 70", mandatory: true, clause: "Test clause 1"}
        """;

    [Fact]
    public void A_sourced_requirement_is_shown_with_its_clause_and_compared_separately_from_the_park_target()
    {
        using var site = new TestSite()
            .With("indicators.yaml", Catalog)
            .With("parks/demo/indicators/2025.yaml", """
                year: 2025
                values:
                  - {indicator: solid-waste-utilisation, value: 65, target: ">= 60"}
                  - {indicator: energy-intensity, value: 0.4, target: "<= 0.5"}
                """);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var facts = site.Facts();
        var values = facts.Park("demo").Newest.ToDictionary(i => i.Entry.Indicator);
        Assert.Equal(EcoSite.Core.Model.Targets.Compliance.Met, values["solid-waste-utilisation"].Compliance);
        Assert.Equal(EcoSite.Core.Model.Targets.Compliance.NotMet, values["solid-waste-utilisation"].National);
        Assert.Null(values["energy-intensity"].National);
        var page = site.Read("en/parks/demo/indicators/index.html");
        Assert.Contains("National requirement", page);
        Assert.Contains("(Test clause 1)", page);
        Assert.Contains("not recorded", page);
        Assert.Contains("<td>%</td>", page);
    }

    [Fact]
    public void Without_any_sourced_requirement_the_page_has_no_national_column()
    {
        using var site = new TestSite().With("parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n  - {indicator: energy-intensity, value: 0.4, target: \"<= 0.5\"}\n");
        Assert.True(site.Build().Success);
        Assert.DoesNotContain("National requirement", site.Read("en/parks/demo/indicators/index.html"));
    }

    [Fact]
    public void A_requirement_without_a_clause_is_an_error_and_an_unreadable_one_too()
    {
        using var site = new TestSite().With("indicators.yaml", """
            indicators:
              - {id: solid-waste-utilisation, category: symbiosis, zh: 工业固体废物综合利用率, requirement: ">= 70"}
              - {id: energy-intensity, category: resources, zh: 单位工业增加值综合能耗, requirement: "about 0.5", clause: "Test clause 2"}
            """);
        var diagnostics = site.Check().Diagnostics;
        Assert.Contains("clause", DiagnosticAssert.Has(diagnostics, "ECO013", "indicators.yaml", 2).Message);
        DiagnosticAssert.Has(diagnostics, "ECO111", "indicators.yaml", 3);
    }
}
