using System.Reflection;
using EcoSite.Core.Diagnostics;

namespace EcoSite.Tests.Diagnostics;

public sealed class CodesTests
{
    private static IReadOnlyList<DiagnosticCode> All() => typeof(Codes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .ToList();

    [Fact]
    public void Every_code_is_unique_and_shaped_ECO_and_three_digits()
    {
        var ids = All().Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^ECO[0-9]{3}$", id));
    }

    [Fact]
    public void Every_code_is_documented_in_docs_diagnostics()
    {
        var doc = File.ReadAllText(Path.Combine(TestSite.RepoRoot(), "docs", "diagnostics.md"));
        Assert.All(All(), c => Assert.Contains($"| {c.Id} | {c.Severity.ToString().ToLowerInvariant()} |", doc));
    }

    [Fact]
    public void A_diagnostic_prints_in_the_compiler_format()
    {
        var d = new Diagnostic("ECO010", Severity.Error, "parks/a/park.yaml", 3, 5, "bad.");
        Assert.Equal("parks/a/park.yaml:3:5: error ECO010: bad.", d.ToString());
    }

    [Fact]
    public void Did_you_mean_suggests_a_close_name_and_nothing_for_a_distant_one()
    {
        Assert.Equal("level", DidYouMean.Closest("levle", ["name", "level", "status"]));
        Assert.Null(DidYouMean.Closest("completely-different", ["name", "level"]));
    }
}
