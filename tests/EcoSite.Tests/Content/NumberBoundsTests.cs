namespace EcoSite.Tests.Content;

/// <summary>
/// Every number is bounded where it is read (|v| &lt;= 10^15, exact in every JSON reader), so no sum, total or chart
/// scale of a site can overflow: "Infinity t" and "NaN" are never published.
/// </summary>
public sealed class NumberBoundsTests
{
    private const string Case = "---\ntitle: 案例{0}\ndate: 2026-10-0{0}\nbenefits:\n  co2_reduced_t: {1}\n---\n正文。\n";

    [Theory]
    [InlineData("1e308")]
    [InlineData("-1e308")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("1e16")]
    public void A_number_beyond_10_to_the_15_is_an_error_at_its_value(string value)
    {
        using var site = new TestSite().With("parks/demo/cases/a.md", string.Format(System.Globalization.CultureInfo.InvariantCulture, Case, 1, value));
        var result = site.Build();
        Assert.False(result.Success);
        DiagnosticAssert.Has(result.Diagnostics, "ECO016", "parks/demo/cases/a.md", 5, 18);
    }

    [Fact]
    public void Sums_of_the_largest_numbers_stay_finite_in_every_published_file()
    {
        using var site = new TestSite().With("parks/demo/enterprises.yaml", "enterprises:\n  - id: a\n    name: 甲\n  - id: b\n    name: 乙\n");
        for (var i = 1; i <= 9; i++)
            site.With($"parks/demo/cases/c{i}.md", string.Format(System.Globalization.CultureInfo.InvariantCulture, Case, i, "1e15"));
        site.With("parks/demo/waste/2025.yaml", "year: 2025\nflows:\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"  - {{from: a, to: b, material: 钢渣{i}, quantity: 1e15, unit: t}}\n")));
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("Infinity", text);
            Assert.DoesNotContain("NaN", text);
            Assert.DoesNotContain("∞", text);
        }
    }
}
