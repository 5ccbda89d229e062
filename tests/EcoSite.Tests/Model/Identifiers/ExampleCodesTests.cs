using System.Text.RegularExpressions;
using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Tests.Model.Identifiers;

/// <summary>
/// Every credit code and permit number that EcoSite shows editors as an example (the sample content, the scaffolds,
/// the docs) passes every check: an example that fails its own check teaches the wrong thing.
/// </summary>
public sealed partial class ExampleCodesTests
{
    [GeneratedRegex(@"\b(?<key>credit_code|permit):\s*""?(?<code>[0-9A-Z]{18}(?:[0-9]{3}[A-Z])?)\b")]
    private static partial Regex CodeField();

    public static TheoryData<string> Sources()
    {
        var root = TestSite.RepoRoot();
        var data = new TheoryData<string>();
        IEnumerable<string> files =
        [
            .. Directory.EnumerateFiles(Path.Combine(root, "content"), "*.yaml", SearchOption.AllDirectories),
            .. Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"),
            Path.Combine(root, "README.md"),
            .. Directory.EnumerateFiles(Path.Combine(root, "generator", "EcoSite.Core", "Scaffold"), "*.cs"),
        ];
        foreach (var f in files.Order(StringComparer.Ordinal)) data.Add(Path.GetRelativePath(root, f).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Example_codes_pass_every_check(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestSite.RepoRoot(), file));
        foreach (Match m in CodeField().Matches(text))
        {
            var code = m.Groups["code"].Value;
            var credit = m.Groups["key"].Value == "permit" ? PermitNumber.Check(code).CreditCode : CreditCode.Check(code);
            Assert.True(credit.IsValid, $"{file}: {m.Value} fails a check ({credit.Problem ?? "registration or organisation code"})");
            if (m.Groups["key"].Value == "permit")
                Assert.True(PermitNumber.Check(code) is { Ok: true, HasWarning: false }, $"{file}: {m.Value}");
        }
    }

    [Fact]
    public void The_sample_and_the_scaffolds_hold_examples()
    {
        var root = TestSite.RepoRoot();
        var sample = File.ReadAllText(Path.Combine(root, "content", "parks", "qinghe", "enterprises.yaml"));
        var scaffold = File.ReadAllText(Path.Combine(root, "generator", "EcoSite.Core", "Scaffold", "ScaffoldTemplates.cs"));
        Assert.Equal(6, CodeField().Count(sample));
        Assert.True(CodeField().Count(scaffold) >= 2);
    }
}
