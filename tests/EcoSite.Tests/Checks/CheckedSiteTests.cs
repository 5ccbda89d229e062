namespace EcoSite.Tests.Checks;

/// <summary>
/// A file that failed to load is reported once: references into a park whose enterprises.yaml has an error are not
/// reported again as unknown enterprises, while the same mistake in another park still is.
/// </summary>
public sealed class CheckedSiteTests
{
    private const string Case = "---\ntitle: 矿渣利用\ndate: 2026-07-10\nenterprise: demo-steal\n---\n正文。\n";

    [Fact]
    public void An_unknown_enterprise_is_not_reported_again_when_the_parks_enterprises_file_failed()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-steel\n    name: A\n  - id: demo-steel\n    name: B\n")
            .With("parks/demo/cases/slag.md", Case)
            .With("parks/other/park.yaml", TestSite.ParkYaml)
            .With("parks/other/enterprises.yaml", "enterprises:\n  - id: demo-steel\n    name: A\n")
            .With("parks/other/cases/slag.md", Case);
        var result = site.Check();
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO023", "parks/demo/enterprises.yaml", 4);
        DiagnosticAssert.Has(result.Diagnostics, "ECO101", "parks/other/cases/slag.md", 4);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "ECO101" && d.File.StartsWith("parks/demo/", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_enterprise_is_reported_when_the_parks_enterprises_file_loaded()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: demo-steel\n    name: A\n")
            .With("parks/demo/cases/slag.md", Case);
        var result = site.Check();
        Assert.False(result.Success);
        var d = DiagnosticAssert.Has(result.Diagnostics, "ECO101", "parks/demo/cases/slag.md", 4, 13);
        Assert.Contains("did you mean 'demo-steel'", d.Message, StringComparison.OrdinalIgnoreCase);
    }
}
