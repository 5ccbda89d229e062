using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Checks;

/// <summary>
/// ECO124: a self-monitoring item (自行监测, Order 24 art. 12(3)) must name one of the same file's outlets; it is
/// warned at the item's outlet code otherwise. A declared outlet without an item is not warned (the format does not
/// require one), and the site still builds.
/// </summary>
public sealed class SelfMonitoringCheckTests
{
    private const string Outlets = """
        report_year: 2025
        outlets:
          - code: DA001
          - code: DW001
        """;

    [Fact]
    public void The_full_example_names_only_declared_outlets()
    {
        using var site = PolluterSite.With(PolluterSite.Full);
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.Code == "ECO124");
    }

    [Fact]
    public void An_item_for_an_undeclared_outlet_is_warned_at_its_code_and_the_site_builds()
    {
        using var site = PolluterSite.With(Outlets + """

            self_monitoring:
              items:
                - {outlet: DA001, method: automatic}
                - {outlet: DW002, method: manual}
                - outlet: DA009
            """);
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var warnings = result.Diagnostics.Where(d => d.Code == "ECO124").ToList();
        Assert.Equal(2, warnings.Count);
        var d = DiagnosticAssert.Has(warnings, "ECO124", PolluterSite.File, 8, 16);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("'DW002'", d.Message, StringComparison.Ordinal);
        Assert.Contains("'outlets'", d.Message, StringComparison.Ordinal);
        DiagnosticAssert.Has(warnings, "ECO124", PolluterSite.File, 9, 15);
    }

    [Fact]
    public void A_declared_outlet_without_self_monitoring_is_not_warned()
    {
        using var site = PolluterSite.With(Outlets + """

            self_monitoring:
              items:
                - {outlet: DW001}
            """);
        Assert.DoesNotContain(site.Check().Diagnostics, d => d.Code == "ECO124");
        using var none = PolluterSite.With(Outlets);
        Assert.DoesNotContain(none.Check().Diagnostics, d => d.Code == "ECO124");
    }

    [Fact]
    public void Outlet_codes_are_compared_exactly()
    {
        using var site = PolluterSite.With(Outlets + """

            self_monitoring:
              items:
                - {outlet: dw001}
            """);
        DiagnosticAssert.Has(site.Check().Diagnostics, "ECO124", PolluterSite.File, 7);
    }
}
