using EcoSite.Core.Render;

namespace EcoSite.Tests.Render;

/// <summary>
/// content-format.md section 4: text a spreadsheet would run as a formula is neutralised in every CSV export (OWASP, CSV
/// injection: a leading apostrophe for a cell starting with =, +, -, @, a tab or a carriage return); RFC 4180 quoting.
/// </summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void Text_that_would_run_as_a_formula_gets_a_leading_apostrophe(string value, string cell) =>
        Assert.Equal(cell, CsvCell.Text(value));

    [Theory]
    [InlineData("钢渣", "钢渣")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData("Demo Steel Co., Ltd.", "\"Demo Steel Co., Ltd.\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Other_text_is_only_quoted_as_RFC_4180_asks(string value, string cell) =>
        Assert.Equal(cell, CsvCell.Text(value));

    [Fact]
    public void Numbers_the_export_writes_itself_are_never_prefixed() => Assert.Equal("-12.5", CsvCell.Raw("-12.5"));

    [Fact]
    public void Formula_text_in_content_is_neutralised_in_every_csv_export_and_kept_as_written_in_json()
    {
        using var site = new TestSite()
            .With("parks/demo/enterprises.yaml", "enterprises:\n  - id: a\n    name: \"@SUM(1+1)*cmd|' /C calc'!A0\"\n  - id: b\n    name: \"-乙\"\n")
            .With("parks/demo/waste/2025.yaml", "year: 2025\nflows:\n  - {from: a, to: b, material: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\", quantity: 1, unit: t, use: \"+用途\"}\n")
            .With("parks/demo/exchange/x.yaml", "kind: supply\ncategory: waste\nenterprise: a\nmaterial: \"\\t=1+1\"\nposted: 2026-10-01\nunit: \"@t\"\n")
            .With("parks/demo/cases/c.md", "---\ntitle: \"=1+1\"\ndate: 2026-10-01\n---\n正文。\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        PublishedOutput.AssertSafe(site.Output);
        var flows = File.ReadAllText(Path.Combine(site.Output, "data", "flows.csv"));
        Assert.Contains("'=HYPERLINK", flows);
        Assert.Contains("'@SUM", flows);
        Assert.Contains("'-乙", flows);
        Assert.Contains("'+用途", flows);
        Assert.Contains("'=1+1", File.ReadAllText(Path.Combine(site.Output, "data", "benefits.csv")));
        Assert.Contains("\"=HYPERLINK", File.ReadAllText(Path.Combine(site.Output, "data", "flows.json")));
    }
}
